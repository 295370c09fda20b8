using System.Text.Json.Serialization;

namespace Gateway.EmbeddedStore.Benchmarks.Ingest;

/// <summary>The benchmark document, as the official client serialises it.</summary>
internal sealed record Photo(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("album")] string Album,
    [property: JsonPropertyName("camera")] string Camera,
    [property: JsonPropertyName("predicted_peaks")] string[] PredictedPeaks,
    [property: JsonPropertyName("shot_time")] string ShotTime,
    [property: JsonPropertyName("gps")] GeoLocation Gps,
    [property: JsonPropertyName("altitude_m")] float AltitudeM,
    [property: JsonPropertyName("clip_image")] float[] ClipImage);
