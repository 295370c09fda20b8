using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Gateway.Peaks.Yaml;

/// <summary>Loads, validates and writes the peak catalog (<c>config/peaks.yaml</c>).</summary>
public static partial class PeakCatalogYaml
{
    private const string Header =
        "# Everest-region peak catalog, imported into the `peaks_catalog` index (see docs/peaks.md).\n"
        + "# Written by the gateway's catalog export; `source` cites where each peak's values come from.\n";

    /// <summary>Reads and validates the catalog file at <paramref name="path"/>.</summary>
    /// <exception cref="PeakCatalogException">The file is missing, malformed or inconsistent.</exception>
    public static IReadOnlyList<Peak> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PeakCatalogException($"peak catalog '{path}' does not exist");
        }

        return Load(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses and validates catalog YAML; <paramref name="origin"/> names it in error messages.</summary>
    /// <exception cref="PeakCatalogException">The YAML is malformed or inconsistent.</exception>
    public static IReadOnlyList<Peak> Load(string yaml, string origin = "peaks.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        PeakYamlDocument? document;
        try
        {
            document = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<PeakYamlDocument>(yaml);
        }
        catch (YamlException e)
        {
            throw new PeakCatalogException($"{origin}: invalid YAML at line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var entries = document?.Peaks ?? [];
        var peaks = new List<Peak>(entries.Count);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var peak = Validate(entries[i], i, errors);
            if (peak is not null && !seen.Add(peak.Id))
            {
                errors.Add($"peaks[{i}]: duplicate id '{peak.Id}'");
            }
            else if (peak is not null)
            {
                peaks.Add(peak);
            }
        }

        if (errors.Count > 0)
        {
            throw new PeakCatalogException($"{origin}: " + string.Join("; ", errors));
        }

        return peaks;
    }

    /// <summary>Writes <paramref name="peaks"/> as catalog YAML that <see cref="Load"/> reads back to equal peaks.</summary>
    public static string Export(IEnumerable<Peak> peaks)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        var document = new PeakYamlDocument
        {
            Peaks = peaks.Select(p => new PeakYamlEntry
            {
                Id = p.Id,
                Names = p.Names.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal),
                Lat = p.Latitude,
                Lon = p.Longitude,
                ElevM = p.ElevationM,
                ReferencePhotos = p.ReferencePhotos,
                AlbumReferences = ToYaml(p.AlbumReferences),
                AlbumNegatives = ToYaml(p.AlbumNegatives),
                Source = p.Source,
            }).ToList(),
        };
        var yaml = new SerializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build()
            .Serialize(document);
        return Header + yaml;
    }

    private static Peak? Validate(PeakYamlEntry entry, int index, List<string> errors)
    {
        var where = $"peaks[{index}]" + (entry.Id is null ? "" : $" ({entry.Id})");
        var before = errors.Count;
        if (entry.Id is null || !SlugPattern().IsMatch(entry.Id))
        {
            errors.Add($"{where}: id must be a lower-case slug like 'ama-dablam'");
        }

        var names = (entry.Names ?? []).Where(kv => kv.Value is { Count: > 0 })
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Select(n => n?.Trim() ?? "").ToList(), StringComparer.Ordinal);
        if (names.Count == 0 || names.Values.Any(v => v.Any(string.IsNullOrEmpty)))
        {
            errors.Add($"{where}: names must hold at least one non-empty name per listed language");
        }

        if (entry.Lat is not (>= -90 and <= 90) || entry.Lon is not (>= -180 and <= 180))
        {
            errors.Add($"{where}: lat must be in [-90, 90] and lon in [-180, 180]");
        }

        if (entry.ElevM is not (> 0 and < 9000))
        {
            errors.Add($"{where}: elev_m must be a positive elevation in metres below 9000");
        }

        var references = AlbumPhotos(entry.AlbumReferences, where + ": album_references", errors);
        var negatives = AlbumPhotos(entry.AlbumNegatives, where + ": album_negatives", errors);
        foreach (var both in references.Intersect(negatives))
        {
            errors.Add($"{where}: {both} is both a reference and a negative");
        }

        return errors.Count > before ? null : new Peak
        {
            Id = entry.Id!,
            Names = names,
            Latitude = entry.Lat!.Value,
            Longitude = entry.Lon!.Value,
            ElevationM = entry.ElevM!.Value,
            ReferencePhotos = string.IsNullOrWhiteSpace(entry.ReferencePhotos) ? null : entry.ReferencePhotos.Trim(),
            AlbumReferences = references,
            AlbumNegatives = negatives,
            Source = entry.Source,
        };
    }

    /// <summary>Each item needs an album and a relative path inside it; duplicates are refused.</summary>
    private static List<AlbumPhoto> AlbumPhotos(List<AlbumPhotoYamlEntry>? entries, string where, List<string> errors)
    {
        var photos = new List<AlbumPhoto>();
        foreach (var (entry, i) in (entries ?? []).Select((e, i) => (e, i)))
        {
            var album = entry?.Album?.Trim();
            var path = entry?.Path?.Replace('\\', '/').Trim();
            if (string.IsNullOrEmpty(album) || string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Split('/').Contains(".."))
            {
                errors.Add($"{where}[{i}]: needs an album and a path relative to the album root");
                continue;
            }

            var photo = new AlbumPhoto(album, path);
            if (photos.Contains(photo))
            {
                errors.Add($"{where}[{i}]: {photo} is listed twice");
                continue;
            }

            photos.Add(photo);
        }

        return photos;
    }

    private static List<AlbumPhotoYamlEntry>? ToYaml(IReadOnlyList<AlbumPhoto> photos) =>
        photos.Count == 0 ? null : photos.Select(p => new AlbumPhotoYamlEntry { Album = p.Album, Path = p.Path }).ToList();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
