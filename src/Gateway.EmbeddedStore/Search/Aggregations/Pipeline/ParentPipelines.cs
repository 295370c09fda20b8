using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>Runs the parent pipelines of a rendered multi-bucket aggregation over its buckets, in request order.</summary>
internal static class ParentPipelines
{
    public static void Apply(Aggregation agg, JsonObject rendered, bool typedKeys)
    {
        var pipelines = agg.SubAggregations.Values.OfType<ParentPipelineAggregation>().ToList();
        if (pipelines.Count == 0)
        {
            return;
        }

        var keyed = rendered["buckets"] as JsonObject;
        var names = new Dictionary<JsonObject, string>(ReferenceEqualityComparer.Instance);
        var buckets = new List<JsonObject>();
        foreach (var bucket in SiblingPipelineAggregation.Buckets(rendered))
        {
            buckets.Add(bucket);
            if (keyed is not null)
            {
                names[bucket] = bucket.GetPropertyName();
            }
        }

        foreach (var pipeline in pipelines)
        {
            buckets = pipeline.Apply(buckets, typedKeys);
        }

        // Detach the buckets from the old container before putting them in the new one.
        switch (rendered["buckets"])
        {
            case JsonObject old:
                old.Clear();
                break;
            case JsonArray old:
                old.Clear();
                break;
        }

        if (keyed is not null)
        {
            var result = new JsonObject();
            foreach (var bucket in buckets)
            {
                result[names[bucket]] = bucket;
            }

            rendered["buckets"] = result;
            return;
        }

        var array = new JsonArray();
        foreach (var bucket in buckets)
        {
            array.Add(bucket);
        }

        rendered["buckets"] = array;
    }
}
