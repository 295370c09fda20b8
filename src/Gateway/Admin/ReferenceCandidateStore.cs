using System.Text.Json;
using Gateway.Hosting;
using Gateway.Peaks;

namespace Gateway.Admin;

/// <summary>
/// The reference candidates the proposal job found, kept as <c>reference-candidates.json</c> in the data folder beside
/// the catalog they are approved into. What the catalog already marks (approved or rejected since) is left out on read.
/// </summary>
internal sealed class ReferenceCandidateStore(GatewayFolders folders)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _lock = new();

    /// <summary>The file.</summary>
    public string FilePath => folders.Data("reference-candidates.json");

    /// <summary>Replaces the stored candidates (temporary file, then rename).</summary>
    public void Save(ReferenceCandidateList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        lock (_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(FilePath + ".partial", JsonSerializer.Serialize(list, Json));
            File.Move(FilePath + ".partial", FilePath, overwrite: true);
        }
    }

    /// <summary>The stored candidates still open for <paramref name="catalog"/>: not yet a reference or negative of their
    /// peak, and for a peak the catalog still has. Empty when no run has stored any (or the file does not parse).</summary>
    public ReferenceCandidateList Open(IReadOnlyList<Peak> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ReferenceCandidateList? stored;
        lock (_lock)
        {
            try
            {
                stored = File.Exists(FilePath) ? JsonSerializer.Deserialize<ReferenceCandidateList>(File.ReadAllText(FilePath), Json) : null;
            }
            catch (JsonException)
            {
                stored = null; // a damaged file is replaced by the next run
            }
        }

        if (stored is null)
        {
            return new ReferenceCandidateList(null, []);
        }

        var peaks = catalog.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return stored with
        {
            Candidates = [.. stored.Candidates.Where(c => peaks.TryGetValue(c.PeakId, out var peak)
                && !peak.AlbumReferences.Contains(c.Photo) && !peak.AlbumNegatives.Contains(c.Photo))],
        };
    }
}
