using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Aggregations;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Geo;

namespace Gateway.EmbeddedStore.Search.Query.Functions;

/// <summary>
/// The decay functions <c>gauss</c>, <c>exp</c> and <c>linear</c> on a number, date or geo_point field: 1 within
/// <c>offset</c> of <c>origin</c>, <c>decay</c> at <c>offset + scale</c>, with Elasticsearch's curves. Documents
/// without the field score 1; several values combine by <c>multi_value_mode</c>.
/// </summary>
internal sealed class DecayFunction : ScoreFunction
{
    public required string Kind { get; init; }

    public required string Field { get; init; }

    public JsonNode? Origin { get; init; }

    public required JsonNode Scale { get; init; }

    public JsonNode? Offset { get; init; }

    public double Decay { get; init; } = 0.5;

    public string MultiValueMode { get; init; } = "min";

    public override Func<int, double> Bind(SearchContext context)
    {
        var mapping = context.Field(Field);
        if (mapping is null)
        {
            return _ => 1d;
        }

        double scale, offset;
        Func<FieldValues, IEnumerable<double>> distances;
        switch (mapping.Kind)
        {
            case FieldKind.GeoPoint:
                var point = GeoPointReader.Parse(Origin ?? throw Required("origin"), Field);
                scale = GeoMath.ParseDistance(JsonValues.AsString(Scale) ?? string.Empty);
                offset = Offset is null ? 0 : GeoMath.ParseDistance(JsonValues.AsString(Offset) ?? "0");
                distances = v => (v.Points ?? []).Select(p => GeoMath.ArcDistance(point, p));
                break;
            case FieldKind.Date:
                var now = context.Now.ToUnixTimeMilliseconds();
                var origin = Origin is null ? now : Query.QueryValues.ToNumber(mapping, Origin, context);
                scale = BucketRounding.ParseDuration(JsonValues.AsString(Scale) ?? string.Empty);
                offset = Offset is null ? 0 : BucketRounding.ParseDuration(JsonValues.AsString(Offset) ?? "0ms");
                distances = v => FieldNumbers.Of(v).Select(d => Math.Abs(d - origin));
                break;
            case FieldKind.Keyword or FieldKind.Text or FieldKind.DenseVector:
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "field [" + Field + "] is of type [" + FieldTypeNames.Of(mapping.Kind) + "], but only numeric types are supported."));
            default:
                var numericOrigin = JsonValues.ToDouble(Origin ?? throw Required("origin"), "origin");
                scale = JsonValues.ToDouble(Scale, "scale");
                offset = Offset is null ? 0 : JsonValues.ToDouble(Offset, "offset");
                distances = v => FieldNumbers.Of(v).Select(d => Math.Abs(d - numericOrigin));
                break;
        }

        var snapshot = context.Snapshot;
        return ord =>
        {
            if (!snapshot.Doc(ord).Fields.TryGetValue(Field, out var values))
            {
                return 1d;
            }

            var scores = distances(values).Select(d => Curve(Math.Max(0, d - offset), scale)).ToList();
            if (scores.Count == 0)
            {
                return 1d;
            }

            // min takes the smallest distance, i.e. the largest score (and max the smallest), as in Elasticsearch.
            return MultiValueMode switch
            {
                "max" => scores.Min(),
                "avg" => scores.Average(),
                "sum" => scores.Sum(),
                _ => scores.Max(),
            };
        };
    }

    private double Curve(double distance, double scale) => Kind switch
    {
        "gauss" => Math.Exp(distance * distance * Math.Log(Decay) / (scale * scale)),
        "exp" => Math.Exp(distance * Math.Log(Decay) / scale),
        _ => Math.Max(0, 1 - (distance * (1 - Decay) / scale)),
    };

    private StoreException Required(string what) =>
        StoreException.Parsing("[" + Kind + "] must be supplied with an [" + what + "] for field [" + Field + "]");
}
