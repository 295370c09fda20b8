using System.Text.Json.Nodes;

namespace Gateway.Peaks.References;

/// <summary>
/// Reads a photo document's stored <c>peaks_in_frame</c> tolerantly: an array of objects (object or nested mapping
/// alike) whose peak is <c>id</c>, <c>peak_id</c> or <c>peak</c>, with <c>distance_km</c> and <c>bearing_offset_deg</c>;
/// entries it cannot read are skipped.
/// </summary>
public static class PeaksInFrameJson
{
    /// <summary>The readable entries of <paramref name="node"/>.</summary>
    public static IReadOnlyList<PeakInFrame> Read(JsonNode? node)
    {
        var entries = new List<PeakInFrame>();
        foreach (var item in node as JsonArray ?? [])
        {
            if (item is JsonObject entry && (Text(entry["id"]) ?? Text(entry["peak_id"]) ?? Text(entry["peak"])) is { } id)
            {
                entries.Add(new PeakInFrame(id, Number(entry["distance_km"]), Number(entry["bearing_offset_deg"])));
            }
        }

        return entries;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : null;
}
