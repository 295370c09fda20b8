using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Geo;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>geo_bounding_box</c>: top_left/bottom_right (or top_right/bottom_left, or top/left/bottom/right)
/// in any point format, or <c>wkt: "BBOX (minLon, maxLon, maxLat, minLat)"</c>. A box whose left
/// edge is east of its right edge crosses the dateline.
/// </summary>
internal sealed class GeoBoundingBoxQuery : QueryNode
{
    public required string Field { get; init; }

    public double Top { get; init; }

    public double Bottom { get; init; }

    public double Left { get; init; }

    public double Right { get; init; }

    public static GeoBoundingBoxQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[geo_bounding_box] query malformed");
        string? field = null;
        double? top = null, bottom = null, left = null, right = null;
        var boost = 1f;
        string? name = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "boost":
                    boost = (float)JsonValues.ToDouble(value, key);
                    continue;
                case "_name":
                    name = JsonValues.AsString(value);
                    continue;
                case "validation_method" or "ignore_unmapped" or "type":
                    continue;
            }

            field = key;
            var box = value as JsonObject ?? throw StoreException.Parsing("[geo_bounding_box] expects an object for field [" + key + "]");
            foreach (var (corner, point) in box)
            {
                if (corner is "top_left" or "bottom_right" or "top_right" or "bottom_left" && GeoPointReader.IsGeohash(point))
                {
                    // A geohash corner stands for its cell's matching corner.
                    var cell = GeoPointReader.GeohashCell(point!.GetValue<string>());
                    top = corner.StartsWith("top", StringComparison.Ordinal) ? cell.MaxLat : top;
                    bottom = corner.StartsWith("bottom", StringComparison.Ordinal) ? cell.MinLat : bottom;
                    left = corner.EndsWith("left", StringComparison.Ordinal) ? cell.MinLon : left;
                    right = corner.EndsWith("right", StringComparison.Ordinal) ? cell.MaxLon : right;
                    continue;
                }

                switch (corner)
                {
                    case "geohash":
                        var c = GeoPointReader.GeohashCell(JsonValues.AsString(point) ?? string.Empty);
                        (top, bottom, left, right) = (c.MaxLat, c.MinLat, c.MinLon, c.MaxLon);
                        break;
                    case "geotile":
                        (top, bottom, left, right) = GeoTile(JsonValues.AsString(point) ?? string.Empty);
                        break;
                    case "top_left":
                        var tl = GeoPointReader.Parse(point, corner);
                        (top, left) = (tl.Lat, tl.Lon);
                        break;
                    case "bottom_right":
                        var br = GeoPointReader.Parse(point, corner);
                        (bottom, right) = (br.Lat, br.Lon);
                        break;
                    case "top_right":
                        var tr = GeoPointReader.Parse(point, corner);
                        (top, right) = (tr.Lat, tr.Lon);
                        break;
                    case "bottom_left":
                        var bl = GeoPointReader.Parse(point, corner);
                        (bottom, left) = (bl.Lat, bl.Lon);
                        break;
                    case "top":
                        top = JsonValues.ToDouble(point, corner);
                        break;
                    case "bottom":
                        bottom = JsonValues.ToDouble(point, corner);
                        break;
                    case "left":
                        left = JsonValues.ToDouble(point, corner);
                        break;
                    case "right":
                        right = JsonValues.ToDouble(point, corner);
                        break;
                    case "wkt":
                        var wkt = ParseWkt(JsonValues.AsString(point) ?? string.Empty);
                        (left, right, top, bottom) = wkt;
                        break;
                    default:
                        throw StoreException.Parsing("failed to parse bounding box. unexpected field [" + corner + "]");
                }
            }
        }

        if (field is null || top is null || bottom is null || left is null || right is null)
        {
            throw StoreException.BadRequest("parsing_exception", "failed to parse [geo_bounding_box] query. missing bounding box corners");
        }

        if (top < bottom)
        {
            throw StoreException.IllegalArgument("top is below bottom corner: " + top.Value.ToString(CultureInfo.InvariantCulture) + " vs. " + bottom.Value.ToString(CultureInfo.InvariantCulture));
        }

        return new GeoBoundingBoxQuery { Field = field, Top = top.Value, Bottom = bottom.Value, Left = left.Value, Right = right.Value, Boost = boost, Name = name };
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        if (field.Kind != FieldKind.GeoPoint)
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("failed to find geo field [" + Field + "]", context.IndexName));
        }

        var crosses = Left > Right;
        Func<GeoPoint, bool> inside = p => p.Lat <= Top && p.Lat >= Bottom && (crosses ? p.Lon >= Left || p.Lon <= Right : p.Lon >= Left && p.Lon <= Right);
        var bits = FieldPoints.Column(context.Snapshot, Field).Where(inside);
        return new DocResult(bits, null, Boost);
    }

    private static (double Top, double Bottom, double Left, double Right) GeoTile(string tile)
    {
        var parts = tile.Split('/');
        if (parts.Length != 3)
        {
            throw StoreException.IllegalArgument("Invalid geotile_grid hash string of " + tile + ". Must be three integers in a form \"zoom/x/y\".");
        }

        var z = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var x = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var y = int.Parse(parts[2], CultureInfo.InvariantCulture);
        var n = Math.Pow(2, z);
        static double Lat(double yy, double nn) => Math.Atan(Math.Sinh(Math.PI * (1 - (2 * yy / nn)))) * 180 / Math.PI;
        return (Lat(y, n), Lat(y + 1, n), (x / n * 360) - 180, ((x + 1) / n * 360) - 180);
    }

    private static (double MinLon, double MaxLon, double MaxLat, double MinLat) ParseWkt(string wkt)
    {
        var open = wkt.IndexOf('(', StringComparison.Ordinal);
        var close = wkt.LastIndexOf(')');
        if (!wkt.TrimStart().StartsWith("BBOX", StringComparison.OrdinalIgnoreCase) || open < 0 || close < open)
        {
            throw StoreException.Parsing("failed to parse WKT bounding box [" + wkt + "]; expected BBOX (minLon, maxLon, maxLat, minLat)");
        }

        var parts = wkt[(open + 1)..close].Split(',').Select(p => double.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2], parts[3]);
    }
}
