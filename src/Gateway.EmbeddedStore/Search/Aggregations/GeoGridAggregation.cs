using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>geohash_grid</c> and <c>geotile_grid</c>: one bucket per cell holding a document's points (a document counts
/// once per cell), keyed by the geohash (<c>u17</c>; <c>precision</c> 1-12, default 5) or the map tile
/// <c>zoom/x/y</c> (Web Mercator, as <c>GeoTileUtils</c>; <c>precision</c> 0-29, default 7); the largest cells first
/// (ties by cell), <c>size</c> (10 000) of them; <c>bounds</c> keeps the points inside a box; <c>shard_size</c> has no
/// effect on one shard. A distance as a geohash precision is refused by name.
/// </summary>
internal sealed class GeoGridAggregation : Aggregation
{
    private const string Base32 = "0123456789bcdefghjkmnpqrstuvwxyz";
    private const double MaxMercatorLatitude = 85.05112877980659;

    private readonly string _type;
    private readonly string _field;
    private readonly int _precision;
    private readonly int _size;
    private readonly Query.GeoBoundingBoxQuery? _bounds;

    public GeoGridAggregation(string name, string type, JsonObject options)
        : base(name)
    {
        _type = type;
        _field = AggField.Require(options, type);
        var geohash = type == "geohash_grid";
        _precision = options["precision"] is { } p ? Precision(p, geohash) : geohash ? 5 : 7;
        if (geohash ? _precision is < 1 or > 12 : _precision is < 0 or > 29)
        {
            throw StoreException.IllegalArgument(geohash
                ? "Invalid geohash aggregation precision of " + _precision + ". Must be between 1 and 12."
                : "Invalid geotile_grid precision of " + _precision + ". Must be between 0 and 29.");
        }

        _size = options["size"] is { } s ? JsonValues.ToInt(s, "size") : 10_000;
        if (_size <= 0)
        {
            throw StoreException.IllegalArgument("[size] must be greater than 0. Found [" + _size + "] in [" + name + "]");
        }

        if (options["shard_size"] is { } shardSize && JsonValues.ToInt(shardSize, "shard_size") < -1)
        {
            throw StoreException.IllegalArgument("[shardSize] must be greater than -1. Found [" + JsonValues.ToInt(shardSize, "shard_size") + "] in [" + name + "]");
        }

        if (options["bounds"] is { } bounds)
        {
            _bounds = Query.GeoBoundingBoxQuery.Parse(new JsonObject { [_field] = bounds.DeepClone() });
        }
    }

    public override string TypedName(AggDocs docs) => _type;

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        if (AggField.Resolve(docs, _field) is { } mapping && mapping.Kind != FieldKind.GeoPoint)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [" + _type + "]"));
        }

        var cells = new Dictionary<long, Dictionary<ShardOutcome, List<int>>>();
        foreach (var (outcome, ord, values) in docs.WithField(_field))
        {
            foreach (var cell in (values?.Points ?? []).Where(InBounds).Select(Cell).Distinct())
            {
                if (!cells.TryGetValue(cell, out var perShard))
                {
                    perShard = [];
                    cells[cell] = perShard;
                }

                if (!perShard.TryGetValue(outcome, out var list))
                {
                    list = [];
                    perShard[outcome] = list;
                }

                list.Add(ord);
            }
        }

        var buckets = new JsonArray();
        foreach (var (cell, members) in cells.Select(c => (c.Key, c.Value)).OrderByDescending(c => c.Value.Values.Sum(l => l.Count)).ThenBy(c => c.Key).Take(_size))
        {
            var bucket = new JsonObject { ["key"] = Key(cell), ["doc_count"] = members.Values.Sum(l => l.Count) };
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members), typedKeys);
            buckets.Add(bucket);
        }

        return new JsonObject { ["buckets"] = buckets };
    }

    /// <summary>The geohash of a point at <paramref name="precision"/> characters.</summary>
    public static string Geohash(GeoPoint point, int precision)
    {
        double minLat = -90, maxLat = 90, minLon = -180, maxLon = 180;
        var chars = new char[precision];
        var even = true;
        for (var i = 0; i < precision; i++)
        {
            var index = 0;
            for (var bit = 4; bit >= 0; bit--)
            {
                if (even)
                {
                    var mid = (minLon + maxLon) / 2;
                    if (point.Lon >= mid)
                    {
                        index |= 1 << bit;
                        minLon = mid;
                    }
                    else
                    {
                        maxLon = mid;
                    }
                }
                else
                {
                    var mid = (minLat + maxLat) / 2;
                    if (point.Lat >= mid)
                    {
                        index |= 1 << bit;
                        minLat = mid;
                    }
                    else
                    {
                        maxLat = mid;
                    }
                }

                even = !even;
            }

            chars[i] = Base32[index];
        }

        return new string(chars);
    }

    /// <summary>The Web Mercator tile holding a point at <paramref name="zoom"/>, as <c>GeoTileUtils.longEncode</c> computes it.</summary>
    public static (int X, int Y) Tile(GeoPoint point, int zoom)
    {
        var tiles = 1L << zoom;
        var x = (long)Math.Floor((point.Lon + 180) / 360 * tiles);
        var latSin = Math.Sin(Math.Clamp(point.Lat, -MaxMercatorLatitude, MaxMercatorLatitude) * Math.PI / 180);
        var y = (long)Math.Floor((0.5 - (Math.Log((1 + latSin) / (1 - latSin)) / (4 * Math.PI))) * tiles);
        return ((int)Math.Clamp(x, 0, tiles - 1), (int)Math.Clamp(y, 0, tiles - 1));
    }

    private static int Precision(JsonNode node, bool geohash)
    {
        if (JsonValues.IsNumber(node))
        {
            return JsonValues.ToInt(node, "precision");
        }

        var text = JsonValues.AsString(node) ?? string.Empty;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var levels))
        {
            return levels;
        }

        throw geohash
            ? SearchParameters.Unsupported("[precision] given as a distance ([" + text + "])")
            : StoreException.IllegalArgument("[precision] must be an integer, found [" + text + "]");
    }

    private bool InBounds(GeoPoint p)
    {
        if (_bounds is not { } b)
        {
            return true;
        }

        var inLon = b.Left <= b.Right ? p.Lon >= b.Left && p.Lon <= b.Right : p.Lon >= b.Left || p.Lon <= b.Right;
        return inLon && p.Lat <= b.Top && p.Lat >= b.Bottom;
    }

    // A cell as a sortable long: the geohash's 5 bits per character, or zoom, x and y as Elasticsearch packs a tile.
    private long Cell(GeoPoint p)
    {
        if (_type == "geohash_grid")
        {
            return Geohash(p, _precision).Aggregate(0L, (acc, c) => (acc << 5) | (long)Base32.IndexOf(c, StringComparison.Ordinal));
        }

        var (x, y) = Tile(p, _precision);
        return ((long)_precision << 58) | ((long)x << 29) | (long)y;
    }

    private string Key(long cell)
    {
        if (_type == "geohash_grid")
        {
            var chars = new char[_precision];
            for (var i = _precision - 1; i >= 0; i--)
            {
                chars[i] = Base32[(int)(cell & 31)];
                cell >>= 5;
            }

            return new string(chars);
        }

        return _precision + "/" + ((cell >> 29) & ((1L << 29) - 1)) + "/" + (cell & ((1L << 29) - 1));
    }
}
