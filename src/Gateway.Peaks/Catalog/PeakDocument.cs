using System.Text.Json.Nodes;

namespace Gateway.Peaks.Catalog;

/// <summary>Converts between a <see cref="Peak"/> and its <c>peaks_catalog</c> document.</summary>
internal static class PeakDocument
{
    public static JsonObject ToJson(Peak peak, float[] prototype, int referencePhotos, string contentHash, string modelId) => new()
    {
        ["id"] = peak.Id,
        ["names"] = new JsonArray(peak.AllNames.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
        ["display_name"] = peak.DisplayName,
        ["lang_names"] = new JsonObject(peak.Names.Select(kv =>
            KeyValuePair.Create(kv.Key, (JsonNode?)new JsonArray(kv.Value.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray())))),
        ["latlon"] = new JsonObject { ["lat"] = peak.Latitude, ["lon"] = peak.Longitude },
        ["elev_m"] = peak.ElevationM,
        ["text_embed"] = new JsonArray(prototype.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
        ["reference_photos"] = peak.ReferencePhotos,
        ["reference_photo_count"] = referencePhotos,
        ["album_references"] = ToJson(peak.AlbumReferences),
        ["album_negatives"] = ToJson(peak.AlbumNegatives),
        ["source"] = peak.Source,
        ["content_hash"] = contentHash,
        ["model_id"] = modelId,
    };

    /// <summary>The peak a stored document describes, or null when the document is not one of ours.</summary>
    public static Peak? FromJson(JsonNode? source)
    {
        if (source?["id"]?.GetValue<string>() is not { } id || source["latlon"] is not JsonObject latlon)
        {
            return null;
        }

        var names = source["lang_names"] is JsonObject byLang
            ? byLang.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)(kv.Value as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList())
            : new Dictionary<string, IReadOnlyList<string>> { ["en"] = (source["names"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList() };
        return new Peak
        {
            Id = id,
            Names = names,
            Latitude = latlon["lat"]!.GetValue<double>(),
            Longitude = latlon["lon"]!.GetValue<double>(),
            ElevationM = source["elev_m"]!.GetValue<int>(),
            ReferencePhotos = source["reference_photos"]?.GetValue<string>(),
            AlbumReferences = AlbumPhotos(source["album_references"]),
            AlbumNegatives = AlbumPhotos(source["album_negatives"]),
            Source = source["source"]?.GetValue<string>(),
        };
    }

    private static JsonArray ToJson(IReadOnlyList<AlbumPhoto> photos) =>
        new(photos.Select(p => (JsonNode)new JsonObject { ["album"] = p.Album, ["path"] = p.Path }).ToArray());

    private static List<AlbumPhoto> AlbumPhotos(JsonNode? node) =>
        (node as JsonArray ?? [])
            .Select(n => (Album: n?["album"]?.GetValue<string>(), Path: n?["path"]?.GetValue<string>()))
            .Where(p => p.Album is not null && p.Path is not null)
            .Select(p => new AlbumPhoto(p.Album!, p.Path!))
            .ToList();
}
