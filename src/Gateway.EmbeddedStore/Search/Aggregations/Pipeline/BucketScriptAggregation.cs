using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// <c>bucket_script</c>: adds to each bucket of its parent the number a script computes from the bucket's metrics
/// (<c>{"value": x}</c>, with <c>value_as_string</c> for a <c>format</c>). A bucket whose path the gap policy skips,
/// or whose script returns null, gets no value (Elasticsearch's BucketScriptPipelineAggregator).
/// </summary>
internal sealed class BucketScriptAggregation : ScriptedBucketPipeline
{
    public BucketScriptAggregation(string name, JsonObject options)
        : base(name, "bucket_script", options)
    {
    }

    public override string TypedName(AggDocs docs) => "simple_value";

    public override List<JsonObject> Apply(List<JsonObject> buckets, bool typedKeys)
    {
        foreach (var bucket in buckets)
        {
            var variables = Resolve(bucket);
            if (Gap == GapPolicy.Skip && variables.Any(v => v.Value is null || double.IsNaN(v.Value.Value)))
            {
                continue;
            }

            var returned = Run(variables);
            if (returned is null)
            {
                continue;
            }

            if (!ScriptOperators.IsNumber(returned))
            {
                throw new StoreException(500, "aggregation_execution_exception", "series_arithmetic aggregation [" + Name + "] must return a Number");
            }

            var result = new JsonObject();
            PipelineFormat.Set(result, "value", ScriptOperators.AsDouble(returned), Format);
            Attach(bucket, result, typedKeys);
        }

        return buckets;
    }
}
