using System.Text.Json;

namespace Gateway.Jobs;

/// <summary>
/// What the last successful catalog build was made from (the model id and the newest write time of the catalog file
/// and of the model's files), kept as <c>catalog-build.json</c> in the data folder. When the catalog file or the model
/// is newer than this, the catalog index is out of date.
/// </summary>
/// <param name="ModelId">The model the prototypes were embedded with.</param>
/// <param name="CatalogWrittenUtc">The catalog file's last write time then.</param>
/// <param name="ModelWrittenUtc">The newest last write time among the model's files then.</param>
internal sealed record CatalogBuildStamp(string ModelId, DateTime CatalogWrittenUtc, DateTime ModelWrittenUtc)
{
    /// <summary>The stamp for the catalog and model as they are now.</summary>
    public static CatalogBuildStamp Now(string modelId, string catalogPath, string modelDirectory) => new(
        modelId,
        File.Exists(catalogPath) ? File.GetLastWriteTimeUtc(catalogPath) : DateTime.MinValue,
        Directory.Exists(modelDirectory)
            ? Directory.EnumerateFiles(modelDirectory, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max()
            : DateTime.MinValue);

    /// <summary>The stored stamp, or null when there is none (or it does not parse: then the catalog is rebuilt).</summary>
    public static CatalogBuildStamp? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<CatalogBuildStamp>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the stamp (temporary file, then rename).</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path + ".partial", JsonSerializer.Serialize(this));
        File.Move(path + ".partial", path, overwrite: true);
    }

    /// <summary>Whether an index built at this stamp is still current for <paramref name="now"/>.</summary>
    public bool Covers(CatalogBuildStamp now) =>
        ModelId == now.ModelId && CatalogWrittenUtc >= now.CatalogWrittenUtc && ModelWrittenUtc >= now.ModelWrittenUtc;
}
