using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Geo;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>distance_feature</c>: every document with a value in a date, date_nanos or geo_point field, scored
/// <c>boost · pivot / (pivot + distance)</c> by its value closest to <c>origin</c> (Lucene's distance feature
/// queries): for dates the distance is in milliseconds and <c>pivot</c> a time value (<c>7d</c>, <c>1h</c>,
/// <c>100000000nanos</c>), <c>origin</c> a date or date math (<c>now-1d</c>); for points the distance is the arc
/// distance in metres and <c>pivot</c> a distance (<c>1km</c>), <c>origin</c> a point in any format. An unmapped field
/// matches nothing; another field type fails the shards with Elasticsearch's message.
/// </summary>
internal sealed class DistanceFeatureQuery : QueryNode
{
    private static readonly string[] Options = ["field", "origin", "pivot", "boost", "_name"];

    private DistanceFeatureQuery(string field, JsonNode origin, string pivot)
    {
        Field = field;
        Origin = origin;
        Pivot = pivot;
    }

    public string Field { get; }

    public JsonNode Origin { get; }

    public string Pivot { get; }

    public static DistanceFeatureQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[distance_feature] query malformed, no start_object after query name");
        foreach (var (key, _) in obj)
        {
            if (Array.IndexOf(Options, key) < 0)
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[distance_feature] unknown field [" + key + "]");
            }
        }

        var missing = new[] { "field", "origin", "pivot" }.Where(k => obj[k] is null).ToList();
        if (missing.Count > 0)
        {
            throw StoreException.IllegalArgument("Required [" + string.Join(", ", missing) + "]");
        }

        var field = JsonValues.AsString(obj["field"]) ?? throw StoreException.BadRequest("x_content_parse_exception", "[distance_feature] field doesn't support values of type: " + JsonValues.TokenName(obj["field"]));
        var pivot = JsonValues.AsString(obj["pivot"]) ?? throw StoreException.BadRequest("x_content_parse_exception", "[distance_feature] pivot doesn't support values of type: " + JsonValues.TokenName(obj["pivot"]));
        return QueryParser.WithCommon(new DistanceFeatureQuery(field, obj["origin"]!.DeepClone(), pivot), obj, "distance_feature");
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        Func<Documents.FieldValues, double?> distance;
        double pivot;
        switch (field.Kind)
        {
            case FieldKind.Date:
                var origin = JsonValues.IsNumber(Origin)
                    ? (long)JsonValues.ToDouble(Origin, "origin")
                    : DateMath.Parse(JsonValues.AsString(Origin) ?? string.Empty, field.Format, null, context.Now, false, Field);
                var time = IndexSettings.ParseInterval(Pivot);
                if (time is null || time.Value < TimeSpan.Zero)
                {
                    throw StoreException.BadRequest("parse_exception", "failed to parse setting [pivot] with value [" + Pivot + "] as a time value: unit is missing or unrecognized");
                }

                pivot = time.Value.TotalMilliseconds;
                distance = values => values.Longs is { Count: > 0 } longs ? longs.Min(v => Math.Abs((double)v - origin)) : null;
                break;
            case FieldKind.GeoPoint:
                var point = GeoPointReader.Parse(Origin, "origin");
                pivot = GeoMath.ParseDistance(Pivot);
                distance = values => values.Points is { Count: > 0 } points ? points.Min(p => GeoMath.ArcDistance(point, p)) : null;
                break;
            default:
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "Illegal data type of [" + FieldMappings.TypeName(field) + "]! [distance_feature] query can only be run on a date, date_nanos or geo_point field type!"));
        }

        var bits = new DocBits(context.MaxDoc);
        var scores = scoring ? context.Scores() : null;
        foreach (var ord in context.Snapshot.Live.Ordinals())
        {
            if (!context.Snapshot.Doc(ord).Fields.TryGetValue(Field, out var values) || distance(values) is not { } d)
            {
                continue;
            }

            bits.Set(ord);
            if (scores is not null)
            {
                scores[ord] = (float)(Boost * (pivot / (pivot + d)));
            }
        }

        return new DocResult(bits, scores, Boost);
    }
}
