using System.CommandLine;
using Gateway.Embeddings.Models;

namespace Gateway.Cli;

/// <summary>
/// The command-line entry: <c>gateway models list | download [id] [--variant v] | verify [id] [--variant v]</c>.
/// Commands run on a plain host with the same configuration as the server (appsettings, environment).
/// </summary>
internal static class GatewayCommandLine
{
    private static readonly HashSet<string> Commands = ["models", "index"];

    /// <summary>Whether the arguments name a command rather than start the server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEmbeddingModels();
        using var host = builder.Build();
        var models = host.Services.GetRequiredService<ModelCommands>();

        var root = new RootCommand("Multimodal search gateway for Elasticsearch");
        root.Subcommands.Add(ModelsCommand(models));
        root.Subcommands.Add(IndexCommand.Create());
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    private static Command ModelsCommand(ModelCommands models)
    {
        var command = new Command("models", "Manage the SigLIP-2 model files");
        var list = new Command("list", "List supported checkpoints and what is installed");
        list.SetAction((_, _) => models.ListAsync(Console.Out));

        var id = new Argument<string?>("id") { Description = "Model id (default: the manifest's default)", Arity = ArgumentArity.ZeroOrOne };
        var variant = new Option<string?>("--variant") { Description = "Variant, e.g. fp32 (default) or quantized" };
        var download = new Command("download", "Download a model with progress, resume and checksum") { id, variant };
        download.SetAction((result, cancellationToken) => models.DownloadAsync(
            result.GetValue(id), result.GetValue(variant), Console.Out, !Console.IsOutputRedirected, cancellationToken));

        var verifyId = new Argument<string?>("id") { Description = "Model id (default: the manifest's default)", Arity = ArgumentArity.ZeroOrOne };
        var verifyVariant = new Option<string?>("--variant") { Description = "Variant to check" };
        var verify = new Command("verify", "Check a model's files, hashes, configs and ONNX signatures") { verifyId, verifyVariant };
        verify.SetAction((result, cancellationToken) => models.VerifyAsync(result.GetValue(verifyId), result.GetValue(verifyVariant), Console.Out, cancellationToken));

        command.Subcommands.Add(list);
        command.Subcommands.Add(download);
        command.Subcommands.Add(verify);
        return command;
    }
}
