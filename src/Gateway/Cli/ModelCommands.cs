using System.Globalization;
using Gateway.Embeddings.Models;
using Gateway.Embeddings.Service;

namespace Gateway.Cli;

/// <summary>
/// The <c>gateway models list | download &lt;id&gt; | verify | doctor</c> commands, as methods the host's command line calls.
/// Each writes human-readable text and returns a process exit code (0 = success); the download shows its progress on
/// the command line's <see cref="CliConsole"/>. The model logic itself (download, verify, doctor) lives in <c>Gateway.Embeddings.Models</c>.
/// </summary>
/// <param name="store">The local model store.</param>
/// <param name="directoryOf">Where a model's files live; defaults to <see cref="ModelStore.DirectoryOf"/>.
/// The host passes the configured <c>Embeddings:ModelDirectory</c> for the configured model.</param>
internal sealed class ModelCommands(ModelStore store, Func<ModelEntry, string>? directoryOf = null)
{
    private readonly Func<ModelEntry, string> _directoryOf = directoryOf ?? (m => store.DirectoryOf(m.Id));

    /// <summary>Lists the supported checkpoints and which of their variants are installed.</summary>
    public Task<int> ListAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"{"model",-36} {"image",5} {"dims",5}  {"download",-16} installed variants (of)");
        foreach (var model in store.Manifest.Models)
        {
            var directory = _directoryOf(model);
            var installed = model.Variants.Where(v => ModelStore.Missing(directory, model.FilesFor(v)).Count == 0).ToList();
            var name = model.Id + (string.Equals(model.Id, store.Manifest.Default, StringComparison.OrdinalIgnoreCase) ? " *" : string.Empty);
            var download = (model.ApproxDownload ?? "?").Split(' ').Take(2);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-36} {model.ImageSize,5} {model.Dimensions,5}  {string.Join(' ', download),-16} {(installed.Count == 0 ? "-" : string.Join(", ", installed))} ({string.Join(", ", model.Variants)})"));
        }
        output.WriteLine($"* default. Files go to {store.ModelsRoot}/<model id>/. Download with: gateway models download <model id> [variant]");
        return Task.FromResult(0);
    }

    /// <summary>Downloads the files of one variant (default fp32) of a model (default: the manifest's default), with a progress bar.</summary>
    public async Task<int> DownloadAsync(string? id, string? variant, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Find(id, variant, output) is not (var model, var files))
        {
            return 2;
        }
        var directory = _directoryOf(model);
        var missing = ModelStore.Missing(directory, files);
        if (missing.Count == 0)
        {
            output.WriteLine($"{model.Id} ({variant ?? "fp32"}) is already in {directory}; check it with: gateway models verify {model.Id}");
            return 0;
        }
        var console = new CliConsole(output, interactive);
        console.WriteLine($"Downloading {missing.Count} file(s) of {model.Id} ({variant ?? "fp32"}) into {directory}");
        try
        {
            await console.ProgressAsync(async context =>
            {
                await store.DownloadAsync(model, directory, missing, new DownloadProgressTasks(context, console), cancellationToken).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
        }
        catch (ModelDownloadException ex)
        {
            console.WriteLine(string.Empty);
            console.WriteLine(ex.Message);
            if (!ex.Message.Contains("by hand", StringComparison.Ordinal))
            {
                console.WriteLine(store.OfflineInstructions(model, directory, ModelStore.Missing(directory, files)));
            }
            return 1;
        }
        console.WriteLine($"Done: {model.Id} is in {directory}.");
        return 0;
    }

    /// <summary>Checks the files of a model (default: the manifest's default) against their hashes and, when the
    /// files of <paramref name="variant"/> are all there, its configs and ONNX inputs and outputs.</summary>
    public async Task<int> VerifyAsync(string? id, string? variant, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Find(id, variant, output) is not (var model, var required))
        {
            return 2;
        }
        var directory = _directoryOf(model);
        var checks = await store.VerifyAsync(model, directory, required, cancellationToken).ConfigureAwait(false);
        foreach (var check in checks)
        {
            var detail = check.State switch
            {
                ModelFileState.Ok => check.Sha256,
                ModelFileState.Missing => "fetch it with: gateway models download " + model.Id + (variant is null ? string.Empty : " " + variant),
                ModelFileState.Mismatch => $"SHA-256 {check.Sha256}, expected {check.Expected}: corrupt or replaced; delete it and download again",
                _ => $"SHA-256 {check.Sha256} recorded now (no hash was known for it)",
            };
            output.WriteLine($"{check.State,-9} {check.Path}  {detail}");
        }
        var ok = checks.All(c => c.State is ModelFileState.Ok or ModelFileState.Recorded);
        if (ok)
        {
            var tower = (string role) => required.First(f => f.Role == role).Path;
            IReadOnlyList<ModelConfigProblem> problems;
            try
            {
                problems = ModelConfigValidator.ValidateDirectory(directory, tower("vision"), tower("text"));
            }
            catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                problems = [new ModelConfigProblem(directory, "files", "readable configs and ONNX models", ex.Message)];
            }
            foreach (var problem in problems)
            {
                output.WriteLine("Mismatch  " + problem);
            }
            ok = problems.Count == 0;
        }
        output.WriteLine(ok ? $"{model.Id}: OK" : $"{model.Id}: NOT OK");
        return ok ? 0 : 1;
    }

    /// <summary>Checks a downloaded model end to end with <see cref="ModelDoctor"/> and says what is wrong.</summary>
    public Task<int> DoctorAsync(string? id, string? variant, TextWriter output, DoctorProbe? probe = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Find(id, variant, output) is not (var model, _))
        {
            return Task.FromResult(2);
        }

        var v = variant ?? "fp32";
        var findings = ModelDoctor.Examine(_directoryOf(model), EmbeddingOptions.TowerFile("vision", v), EmbeddingOptions.TowerFile("text", v), probe);
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        var ok = findings.All(f => f.Ok) && findings.Count >= 7;
        output.WriteLine(ok ? $"{model.Id} ({v}): healthy" : $"{model.Id} ({v}): NOT healthy");
        return Task.FromResult(ok ? 0 : 1);
    }

    /// <summary>The model (default: the manifest's default) and the files of its variant (default fp32); null, after
    /// writing which models and variants exist, when there is no such model or variant.</summary>
    private (ModelEntry Model, IReadOnlyList<ModelFileEntry> Files)? Find(string? id, string? variant, TextWriter output)
    {
        try
        {
            var model = store.Manifest.Get(id ?? store.Manifest.Default);
            return (model, model.FilesFor(variant ?? "fp32"));
        }
        catch (ArgumentException ex)
        {
            output.WriteLine(ex.Message);
            return null;
        }
    }
}
