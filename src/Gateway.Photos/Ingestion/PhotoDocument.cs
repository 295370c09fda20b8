using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Photos.Exif;

namespace Gateway.Photos.Ingestion;

/// <summary>Builds a <c>photos</c> document.</summary>
internal static class PhotoDocument
{
    public static JsonObject Create(PhotoFile file, PhotoMetadata meta, float[] vector, PeakPrediction prediction, string contentHash, string modelId, DateTimeOffset indexedAt)
    {
        var doc = new JsonObject
        {
            ["path"] = file.RelativePath,
            ["album"] = file.Album,
            ["file_name"] = Path.GetFileName(file.RelativePath),
            ["clip_image"] = new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["predicted_peaks"] = new JsonArray(prediction.Predicted.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            ["predicted_scores"] = new JsonArray(prediction.Scores.Select(s => (JsonNode)JsonValue.Create(Math.Round(s, 4))).ToArray()),
            ["prediction_rule"] = prediction.Rule,
            ["best_score"] = prediction.BestScore is { } best ? Math.Round(best, 4) : null,
            ["peaks_in_frame"] = new JsonArray(prediction.InFrame.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.PeakId,
                ["distance_km"] = Math.Round(s.DistanceKm, 2),
                ["bearing_deg"] = Math.Round(s.BearingDeg, 1),
                ["bearing_offset_deg"] = s.BearingOffsetDeg is { } o ? Math.Round(o, 1) : null,
                ["bearing_from_peak_deg"] = Math.Round(s.BearingFromPeakDeg, 1),
            }).ToArray()),
            ["shot_time_source"] = Source(meta.ShotTimeSource),
            ["file_size"] = file.Size,
            ["mtime"] = Iso(file.ModifiedUtc),
            ["content_hash"] = contentHash,
            ["model_id"] = modelId,
            ["indexed_at"] = Iso(indexedAt),
        };
        if (meta.HasGps)
        {
            doc["gps"] = new JsonObject { ["lat"] = meta.Latitude, ["lon"] = meta.Longitude };
        }

        Put(doc, "shot_time", meta.ShotTimeUtc is { } t ? Iso(t) : null);
        Put(doc, "offset_time", LocalDay.Offset(meta) is { Recorded: true } recorded ? LocalDay.Format(recorded.Offset) : null);
        Put(doc, "local_date", LocalDay.Of(meta));
        Put(doc, "altitude_m", meta.AltitudeM is { } a ? Math.Round(a, 2) : null);
        Put(doc, "direction_deg", meta.DirectionDeg is { } d ? Math.Round(d, 2) : null);
        Put(doc, "direction_ref", meta.DirectionRef);
        Put(doc, "camera_make", meta.Make);
        Put(doc, "camera_model", meta.Model);
        Put(doc, "focal_35mm", meta.Focal35mm);
        Put(doc, "orientation", meta.Orientation);
        Put(doc, "width", meta.Width);
        Put(doc, "height", meta.Height);
        Put(doc, "exif_error", meta.Error);
        return doc;
    }

    public static string Source(ShotTimeSource source) => source switch
    {
        ShotTimeSource.ExifOffset => "exif_offset",
        ShotTimeSource.Gps => "gps",
        ShotTimeSource.ExifLocal => "exif_local",
        ShotTimeSource.FileTime => "file_time",
        _ => "none",
    };

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Put(JsonObject doc, string name, JsonNode? value)
    {
        if (value is not null)
        {
            doc[name] = value;
        }
    }
}
