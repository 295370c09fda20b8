using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// <c>bucket_selector</c>: keeps the buckets of its parent for which the script, over the bucket's metrics, returns
/// true (Elasticsearch's BucketSelectorPipelineAggregator; it takes no <c>format</c>).
/// </summary>
internal sealed class BucketSelectorAggregation : ScriptedBucketPipeline
{
    public BucketSelectorAggregation(string name, JsonObject options)
        : base(name, "bucket_selector", options)
    {
        if (options.ContainsKey("format"))
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[bucket_selector] unknown field [format]");
        }
    }

    public override string TypedName(AggDocs docs) => "bucket_selector";

    public override List<JsonObject> Apply(List<JsonObject> buckets, bool typedKeys) =>
        buckets.Where(bucket => Run(Resolve(bucket)) switch
        {
            bool keep => keep,
            var other => throw StoreException.IllegalArgument("The [bucket_selector] script must return a boolean, got [" + Scripting.ScriptText.Of(other) + "]"),
        }).ToList();
}
