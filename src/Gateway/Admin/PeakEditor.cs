using System.Text;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Peaks.Yaml;
using Gateway.Upstream;

namespace Gateway.Admin;

/// <summary>
/// Edits the peak catalog file (the source of truth that <see cref="PeakCatalog"/> loads) and its reference photo
/// folders, then rebuilds <c>peaks_catalog</c> through <see cref="PeakCatalogIndexer"/>. Writes are serialised and
/// atomic (write a temporary file, then rename), and every write is validated by reading it back.
/// </summary>
internal sealed class PeakEditor(PeakCatalog catalog, PeakCatalogIndexer indexer)
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif" };
    private readonly SemaphoreSlim _write = new(1, 1);

    /// <summary>The peaks of the catalog file, as last loaded.</summary>
    public IReadOnlyList<Peak> Peaks => catalog.Peaks;

    /// <summary>The catalog file the editor writes.</summary>
    public string FilePath => catalog.FilePath;

    /// <summary>The peak with that id, or null.</summary>
    public Peak? Find(string id) => catalog.Find(id);

    /// <summary>Adds <paramref name="peak"/>, or replaces the peak with id <paramref name="originalId"/> by it.
    /// Throws <see cref="PeakCatalogException"/> when the result is not a valid catalog (e.g. a duplicate id).</summary>
    public Task SaveAsync(string? originalId, Peak peak, CancellationToken cancellationToken) =>
        WriteAsync(
            peaks =>
            {
                var list = peaks.ToList();
                var at = originalId is null ? -1 : list.FindIndex(p => p.Id == originalId);
                if (at >= 0)
                {
                    list[at] = peak;
                }
                else
                {
                    list.Add(peak);
                }

                return list;
            },
            cancellationToken);

    /// <summary>Adds the peaks whose ids the catalog does not hold yet (new peaks of an upgraded shipped catalog).</summary>
    public Task AddMissingAsync(IReadOnlyList<Peak> peaks, CancellationToken cancellationToken) =>
        WriteAsync(existing => existing.Concat(peaks.Where(p => existing.All(e => e.Id != p.Id))).ToList(), cancellationToken);

    /// <summary>Marks an album photo as a reference or a negative of the peak <paramref name="id"/>, or removes its mark
    /// (<see cref="PhotoMark.None"/>). A reference that becomes a negative stops being a reference, and the other way round;
    /// a new reference goes to the end of the list (the newest are blended in first).</summary>
    public Task MarkAsync(string id, AlbumPhoto photo, PhotoMark mark, CancellationToken cancellationToken) =>
        WriteAsync(
            peaks => peaks.Select(p => p.Id != id ? p : p with
            {
                AlbumReferences = [.. p.AlbumReferences.Where(r => r != photo), .. mark == PhotoMark.Reference ? [photo] : Array.Empty<AlbumPhoto>()],
                AlbumNegatives = [.. p.AlbumNegatives.Where(r => r != photo), .. mark == PhotoMark.Negative ? [photo] : Array.Empty<AlbumPhoto>()],
            }).ToList(),
            cancellationToken);

    /// <summary>Removes the peak from the catalog file (its reference photos stay on disk).</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync(peaks => peaks.Where(p => p.Id != id).ToList(), cancellationToken);

    /// <summary>Re-embeds changed peaks (every peak with <paramref name="force"/>) into the catalog index; answers what
    /// the rebuild did or why it failed. Throws <see cref="PeakCatalogException"/> when the catalog file is not valid.</summary>
    public Task<Outcome<CatalogRebuildResult>> RebuildAsync(bool force, CancellationToken cancellationToken) =>
        indexer.RebuildAsync(catalog.Reload(), catalog.Directory, force, cancellationToken);

    /// <summary>The reference photos of a peak (file names, sorted as the prototype picks them).</summary>
    public IReadOnlyList<string> ReferencePhotos(Peak peak)
    {
        var folder = ReferenceFolder(peak);
        return Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles()
                .Where(f => ImageExtensions.Contains(f.Extension) && !f.Name.StartsWith('.'))
                .Select(f => f.Name)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>The full path of one reference photo, or null when it is not one.</summary>
    public string? ReferencePhotoPath(Peak peak, string fileName)
    {
        var safe = Path.GetFileName(fileName);
        var path = Path.Combine(ReferenceFolder(peak), safe);
        return safe.Length > 0 && safe == fileName && ImageExtensions.Contains(Path.GetExtension(safe)) && File.Exists(path) ? path : null;
    }

    /// <summary>Stores an uploaded reference photo; a peak without a folder gets <c>reference-photos/{id}</c>.</summary>
    public async Task AddReferencePhotoAsync(Peak peak, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var name = SafeFileName(fileName);
        if (!ImageExtensions.Contains(Path.GetExtension(name)))
        {
            throw new PeakCatalogException($"'{fileName}' is not a JPEG, PNG, WebP or HEIC file");
        }

        if (peak.ReferencePhotos is null)
        {
            peak = peak with { ReferencePhotos = "reference-photos/" + peak.Id };
            await SaveAsync(peak.Id, peak, cancellationToken).ConfigureAwait(false);
        }

        var folder = ReferenceFolder(peak);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes one reference photo of the peak.</summary>
    public void RemoveReferencePhoto(Peak peak, string fileName)
    {
        if (ReferencePhotoPath(peak, fileName) is { } path)
        {
            File.Delete(path);
        }
    }

    private string ReferenceFolder(Peak peak) =>
        Path.GetFullPath(Path.Combine(catalog.Directory, peak.ReferencePhotos ?? "reference-photos/" + peak.Id));

    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = builder.ToString().TrimStart('.');
        return safe.Length == 0 ? "photo.jpg" : safe;
    }

    private async Task WriteAsync(Func<IReadOnlyList<Peak>, IReadOnlyList<Peak>> change, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = PeakCatalogYaml.LoadFile(catalog.FilePath);
            var yaml = PeakCatalogYaml.Export(change(current));

            // Validate before anything touches the file, so a bad edit never replaces a good catalog.
            PeakCatalogYaml.Load(yaml, catalog.FilePath);
            var temp = catalog.FilePath + ".tmp";
            await File.WriteAllTextAsync(temp, yaml, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temp, catalog.FilePath, overwrite: true);
            catalog.Reload();
        }
        finally
        {
            _write.Release();
        }
    }
}
