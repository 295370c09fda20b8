using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary><c>cumulative_sum</c>: the running sum of a metric over the histogram's buckets (empty buckets add zero).</summary>
internal sealed class CumulativeSumAggregation : ParentPipelineAggregation
{
    public CumulativeSumAggregation(string name, JsonObject options)
        : base(name, "cumulative_sum", options)
    {
    }

    public override string TypedName(AggDocs docs) => "simple_value";

    public override List<JsonObject> Apply(List<JsonObject> buckets, bool typedKeys)
    {
        double sum = 0;
        foreach (var bucket in buckets)
        {
            if (Path.Resolve(bucket, GapPolicy.InsertZeros, Containing) is { } value && double.IsFinite(value))
            {
                sum += value;
            }

            var result = new JsonObject();
            PipelineFormat.Set(result, "value", sum, Format);
            Attach(bucket, result, typedKeys);
        }

        return buckets;
    }
}
