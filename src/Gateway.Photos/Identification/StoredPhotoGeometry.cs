using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Photos.Exif;

namespace Gateway.Photos.Identification;

/// <summary>
/// The camera metadata a stored <c>photos</c> document keeps (the fields <c>PhotoDocument</c> writes: <c>gps</c>,
/// <c>direction_deg</c>, <c>focal_35mm</c>, <c>orientation</c>, <c>width</c>, <c>height</c>), read back so that a
/// <c>photo_id</c> query gets the same geometry as an upload of the file.
/// </summary>
public static class StoredPhotoGeometry
{
    /// <summary>The metadata of a document's <c>_source</c>; empty (no GPS) when it has none.</summary>
    public static PhotoMetadata FromSource(JsonNode? source)
    {
        var (lat, lon) = Position(source?["gps"]);
        return new PhotoMetadata
        {
            Latitude = lat,
            Longitude = lon,
            DirectionDeg = Number(source?["direction_deg"]),
            Focal35mm = Number(source?["focal_35mm"]),
            Orientation = (int?)Number(source?["orientation"]),
            Width = (int?)Number(source?["width"]),
            Height = (int?)Number(source?["height"]),
        };
    }

    // geo_point as the gateway writes it ({"lat", "lon"}), or the other forms Elasticsearch accepts: [lon, lat] and "lat,lon".
    private static (double? Lat, double? Lon) Position(JsonNode? gps) => gps switch
    {
        JsonObject o => (Number(o["lat"]), Number(o["lon"])),
        JsonArray { Count: 2 } a => (Number(a[1]), Number(a[0])),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Split(',') is [var la, var lo] =>
            (Parse(la), Parse(lo)),
        _ => (null, null),
    };

    private static double? Number(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            // A node built in memory holds the CLR value it was given (an int, a float), not a JSON number.
            JsonValueKind.Number => v.TryGetValue<double>(out var d) ? d : Parse(v.ToJsonString()),
            JsonValueKind.String => Parse(v.GetValue<string>()),
            _ => null,
        }
        : null;

    private static double? Parse(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
