using System.Text;

namespace Gateway.Embeddings.Models;

/// <summary>
/// The local copies of the manifest's checkpoints: which files are there, fetching the missing ones,
/// verifying the present ones, and saying what to fetch by hand when the network is not there.
/// </summary>
public sealed class ModelStore(ModelManifest manifest, string modelsRoot, ModelDownloader downloader)
{
    /// <summary>The supported checkpoints.</summary>
    public ModelManifest Manifest { get; } = manifest;

    /// <summary>The folder under which each model gets <c>&lt;id&gt;/</c> (e.g. <c>models/google/siglip2-base-patch16-224</c>).</summary>
    public string ModelsRoot { get; } = Path.GetFullPath(modelsRoot);

    /// <summary>The default folder of a model.</summary>
    public string DirectoryOf(string id) => Path.Combine(ModelsRoot, Path.Combine(id.Split('/')));

    /// <summary>The files of <paramref name="files"/> that are not in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ModelFileEntry> Missing(string directory, IEnumerable<ModelFileEntry> files) =>
        files.Where(f => !File.Exists(Path.Combine(directory, f.Path))).ToList();

    /// <summary>Downloads the files of <paramref name="files"/> that are missing from <paramref name="directory"/>, one after the other,
    /// and records their hashes. Throws <see cref="ModelDownloadException"/> (with <see cref="OfflineInstructions"/> appended when the
    /// server cannot be reached).</summary>
    public async Task DownloadAsync(ModelEntry model, string directory, IEnumerable<ModelFileEntry> files, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var missing = Missing(directory, files);
        foreach (var file in missing)
        {
            var url = Manifest.UrlOf(model, file);
            DownloadResult result;
            try
            {
                result = await downloader.DownloadAsync(url, Path.Combine(directory, file.Path), file.Path, file.Size, file.Sha256, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelDownloadException ex) when (ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError })
            {
                throw new ModelDownloadException(ex.Message + Environment.NewLine + OfflineInstructions(model, directory, missing), ex);
            }
            ModelChecksums.Record(directory, file.Path, result.Sha256);
        }
    }

    /// <summary>Checks every manifest file of <paramref name="model"/> present in <paramref name="directory"/> against the manifest's
    /// hash or, when it has none, the hash recorded at download (recording it now if there is none); lists missing
    /// <paramref name="required"/> files as <see cref="ModelFileState.Missing"/>.</summary>
    public async Task<IReadOnlyList<ModelFileCheck>> VerifyAsync(ModelEntry model, string directory, IEnumerable<ModelFileEntry> required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var recorded = ModelChecksums.Read(directory);
        var checks = new List<ModelFileCheck>();
        var requiredPaths = required.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in model.Files)
        {
            var path = Path.Combine(directory, file.Path);
            if (!File.Exists(path))
            {
                if (requiredPaths.Contains(file.Path))
                {
                    checks.Add(new ModelFileCheck(file.Path, ModelFileState.Missing, null, file.Sha256));
                }
                continue;
            }
            var (sha, _) = await ModelDownloader.HashAsync(path, cancellationToken).ConfigureAwait(false);
            var expected = file.Sha256 ?? recorded.GetValueOrDefault(file.Path);
            if (expected is null)
            {
                ModelChecksums.Record(directory, file.Path, sha);
                checks.Add(new ModelFileCheck(file.Path, ModelFileState.Recorded, sha, null));
            }
            else
            {
                var state = string.Equals(expected, sha, StringComparison.OrdinalIgnoreCase) ? ModelFileState.Ok : ModelFileState.Mismatch;
                checks.Add(new ModelFileCheck(file.Path, state, sha, expected));
            }
        }
        return checks;
    }

    /// <summary>What to fetch by hand, and where to put it, when the gateway cannot reach the model host.</summary>
    public string OfflineInstructions(ModelEntry model, string directory, IEnumerable<ModelFileEntry> files)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        text.AppendLine($"The model host cannot be reached. To install {model.Id} by hand, download each URL below to the path under it:");
        foreach (var file in files)
        {
            text.AppendLine($"  {Manifest.UrlOf(model, file)}");
            text.AppendLine($"    -> {Path.Combine(directory, file.Path)}{(file.Sha256 is { } sha ? $"  (SHA-256 {sha})" : string.Empty)}");
        }
        text.Append("then run `gateway models verify` (or restart the gateway).");
        return text.ToString();
    }
}
