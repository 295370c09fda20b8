using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>The JSON of an <see cref="Identification"/>, shared by <c>/_gateway/identify</c> and the <c>_gateway</c> object of image searches.</summary>
public static class IdentificationJson
{
    /// <summary><c>result</c> (the peak id or <c>unknown</c>), <c>rule</c>, <c>threshold</c>, <c>peaks_in_frame</c> and, when asked, <c>peaks</c>.</summary>
    public static JsonObject ToNode(Identification identification, bool withPeaks)
    {
        ArgumentNullException.ThrowIfNull(identification);
        var node = new JsonObject
        {
            ["result"] = identification.PeakId ?? "unknown",
            ["rule"] = identification.Rule,
            ["threshold"] = identification.Threshold,
        };
        if (withPeaks)
        {
            node["peaks"] = Peaks(identification.Peaks);
        }

        node["peaks_in_frame"] = new JsonArray([.. identification.PeaksInFrame.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["distance_km"] = Math.Round(p.DistanceKm, 2),
            ["bearing_deg"] = Math.Round(p.BearingDeg, 1),
            ["bearing_offset_deg"] = p.BearingOffsetDeg is { } offset ? Math.Round(offset, 1) : null,
            ["bearing_from_peak_deg"] = Math.Round(p.BearingFromPeakDeg, 1),
        })]);
        return node;
    }

    /// <summary>The candidates: id, name, score, confidence and, when geometry knows, <c>in_frame</c>.</summary>
    public static JsonArray Peaks(IReadOnlyList<IdentifiedPeak> peaks) => new([.. peaks.Select(p =>
    {
        var peak = new JsonObject
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["score"] = Math.Round(p.Score, 6),
            ["confidence"] = Math.Round(p.Confidence, 6),
        };
        if (p.InFrame is { } inFrame)
        {
            peak["in_frame"] = inFrame;
        }

        return (JsonNode)peak;
    })]);
}
