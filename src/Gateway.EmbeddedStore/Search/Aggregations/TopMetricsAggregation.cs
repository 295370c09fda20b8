using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>top_metrics</c>: the <c>metrics</c> fields of the <c>size</c> (1) documents first by the one <c>sort</c>, as
/// <c>top: [{"sort": [v], "metrics": {"f": v}}]</c> (dates formatted, a missing value null, a multi-valued field its
/// smallest value); <c>size</c> up to <c>index.top_metrics_max_size</c> (10). A terms <c>order</c> path reads a metric
/// as <c>tm[f]</c>.
/// </summary>
internal sealed class TopMetricsAggregation : Aggregation
{
    private readonly List<string> _metrics = [];
    private readonly SearchRequest _request;

    public TopMetricsAggregation(string name, JsonObject options)
        : base(name)
    {
        var metrics = options["metrics"] ?? throw StoreException.IllegalArgument("[metrics] is required for [top_metrics] aggregation [" + name + "]");
        foreach (var metric in metrics is JsonArray array ? [.. array] : new List<JsonNode?> { metrics })
        {
            var field = (metric as JsonObject)?["field"] is { } f ? JsonValues.AsString(f) : null;
            _metrics.Add(field ?? throw StoreException.Parsing("[metrics] entries need a [field] in [" + name + "]"));
        }

        var size = options["size"] is { } s ? JsonValues.ToInt(s, "size") : 1;
        if (size < 1)
        {
            throw StoreException.IllegalArgument("[size] must be more than 0 but was [" + size + "]");
        }

        var sort = options["sort"] ?? new JsonArray("_score");
        _request = SearchRequestParser.Parse(new JsonObject { ["sort"] = sort.DeepClone(), ["size"] = size }, new Dictionary<string, string>());
        if (_request.Sort is not { Count: 1 })
        {
            throw StoreException.IllegalArgument("[sort] must contain exactly one sort");
        }
    }

    /// <summary>The metric names a bucket order may name (<c>tm[f]</c>).</summary>
    public IReadOnlyList<string> Metrics => _metrics;

    public override string TypedName(AggDocs docs) => "top_metrics";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var outcomes = new List<ShardOutcome>(docs.Parts.Count);
        foreach (var (outcome, bits) in docs.Parts)
        {
            var max = outcome.Context.TopMetricsMaxSize;
            if (_request.Size > max)
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "[top_metrics.size] must not be more than [" + max + "] but was [" + _request.Size + "]. This limit can be set by changing the [index.top_metrics_max_size] index setting"));
            }

            outcomes.Add(new ShardOutcome(outcome.ShardIndex, outcome.Context, bits, bits, outcome.Score));
        }

        var top = new JsonArray();
        foreach (var hit in HitCollector.Collect(outcomes, _request))
        {
            var context = hit.Outcome.Context;
            var sortField = _request.Sort![0].Field;
            var sortValue = hit.SortKeys![0].Rendered?.DeepClone();
            if (context.Field(sortField) is { Kind: FieldKind.Date } dateField && sortValue is JsonValue raw && JsonValues.IsNumber(raw))
            {
                sortValue = DateFormats.Format((long)JsonValues.ToDouble(raw, "sort"), dateField.Format);
            }

            var metrics = new JsonObject();
            var doc = context.Snapshot.Doc(hit.Ord);
            foreach (var metric in _metrics)
            {
                doc.Fields.TryGetValue(metric, out var values);
                metrics[metric] = Value(values);
            }

            top.Add(new JsonObject { ["sort"] = new JsonArray(sortValue), ["metrics"] = metrics });
        }

        return new JsonObject { ["top"] = top };
    }

    /// <summary>A metric of the first top document as a number (a date as epoch milliseconds), for ordering buckets; NaN when absent.</summary>
    public static double Number(JsonObject rendered, string metric)
    {
        var value = rendered["top"]?[0]?["metrics"]?[metric];
        if (value is JsonValue v && JsonValues.IsNumber(v))
        {
            return JsonValues.ToDouble(v, metric);
        }

        return JsonValues.AsString(value) is { } text && DateFormats.TryParse(text, null, null, out var millis) ? millis : double.NaN;
    }

    private static JsonNode? Value(Documents.FieldValues? values)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Keywords is { Count: > 0 } keywords)
        {
            return keywords.Order(StringComparer.Ordinal).First();
        }

        var numbers = AggField.Numbers(values);
        if (numbers.Count == 0)
        {
            return null;
        }

        var smallest = numbers.Min();
        return values.Mapping.Kind switch
        {
            FieldKind.Date => DateFormats.Format((long)smallest, values.Mapping.Format),
            _ when AggField.IsFloating(values.Mapping.Kind) => JsonValue.Create(smallest),
            _ => JsonValue.Create((long)smallest),
        };
    }
}
