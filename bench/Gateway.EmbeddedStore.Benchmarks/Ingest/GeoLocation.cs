using System.Text.Json.Serialization;

namespace Gateway.EmbeddedStore.Benchmarks.Ingest;

/// <summary>A geo_point in object form.</summary>
internal sealed record GeoLocation([property: JsonPropertyName("lat")] double Lat, [property: JsonPropertyName("lon")] double Lon);
