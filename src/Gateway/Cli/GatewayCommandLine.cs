using System.CommandLine;
using Gateway.Embeddings.Models;
using Gateway.Embeddings.Service;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Cli;

/// <summary>
/// The command-line entry: <c>gateway models list | download [id] [--variant v] | verify [id] [--variant v] | doctor [id] [--variant v]</c>.
/// Commands run on a plain host with the same configuration as the server (appsettings, environment).
/// </summary>
internal static class GatewayCommandLine
{
    private static readonly HashSet<string> Commands = ["models", "index"];

    /// <summary>Whether the arguments name a command rather than start the server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(GatewayHostSettings.ForCommandLine());
        builder.Services.AddGatewayFolders();
        builder.Services.AddEmbeddingModels();
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<ModelStore>();
        var embedding = host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        // The configured model lives where Embeddings:ModelDirectory says; the others in their default folders.
        var models = new ModelCommands(store, m => string.Equals(m.Id, embedding.ModelId, StringComparison.OrdinalIgnoreCase)
            ? embedding.ResolveModelDirectory()
            : store.DirectoryOf(m.Id));

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

        var doctorId = new Argument<string?>("id") { Description = "Model id (default: the manifest's default)", Arity = ArgumentArity.ZeroOrOne };
        var doctorVariant = new Option<string?>("--variant") { Description = "Variant to check" };
        var doctor = new Command("doctor", "Check a downloaded model end to end: files, shapes, tokenizer, one forward per tower, a known pair") { doctorId, doctorVariant };
        doctor.SetAction((result, _) => models.DoctorAsync(result.GetValue(doctorId), result.GetValue(doctorVariant), Console.Out));

        command.Subcommands.Add(list);
        command.Subcommands.Add(download);
        command.Subcommands.Add(verify);
        command.Subcommands.Add(doctor);
        return command;
    }
}
