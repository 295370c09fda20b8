using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>A pipeline over the buckets of a multi-bucket aggregation beside it (the first element of its path).</summary>
internal abstract class SiblingPipelineAggregation : PipelineAggregation
{
    protected SiblingPipelineAggregation(string name, string type, JsonObject options)
        : base(name, type, options)
    {
    }

    public override void Validate(IReadOnlyDictionary<string, Aggregation> siblings, Aggregation? parent)
    {
        var first = Path.Tokens[0].Name;
        if (!siblings.TryGetValue(first, out var target))
        {
            throw StoreException.BadRequest("action_request_validation_exception",
                "Validation Failed: 1: buckets_path aggregation does not exist for aggregation [" + Name + "]: " + Path.Text + ";");
        }

        if (!BucketsPath.IsBucketAggregation(target) || target is FilterAggregation { IsMultiBucket: false } or NestedAggregation or SamplerAggregation)
        {
            throw StoreException.BadRequest("action_request_validation_exception",
                "Validation Failed: 1: The first aggregation in buckets_path must be a multi-bucket aggregation for aggregation [" + Name + "] found :" + target.GetType().Name + " for buckets path: " + Path.Text + ";");
        }

        Path.Tail().Validate(target.SubAggregations);
    }

    /// <summary>Computes the result from the rendered aggregations beside this one (by name, without typed_keys prefixes).</summary>
    public JsonObject Reduce(IReadOnlyDictionary<string, JsonObject> siblings)
    {
        var values = new List<(string Key, double Value)>();
        if (siblings.TryGetValue(Path.Tokens[0].Name, out var target))
        {
            var tail = Path.Tail();
            foreach (var bucket in Buckets(target))
            {
                if (tail.Resolve(bucket, Gap, Path.Tokens[0].Name) is { } value && !double.IsNaN(value))
                {
                    values.Add((PipelineFormat.KeyAsString(bucket), value));
                }
            }
        }

        return Combine(values);
    }

    /// <summary>The result from the values of the buckets the gap policy kept, in bucket order.</summary>
    protected abstract JsonObject Combine(IReadOnlyList<(string Key, double Value)> values);

    public static IEnumerable<JsonObject> Buckets(JsonObject agg) => agg["buckets"] switch
    {
        JsonArray list => list.OfType<JsonObject>(),
        JsonObject keyed => keyed.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };
}
