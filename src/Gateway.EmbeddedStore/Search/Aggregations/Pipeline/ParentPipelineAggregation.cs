using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>A pipeline inside a multi-bucket aggregation that adds to (or reorders) every bucket of its parent.</summary>
internal abstract class ParentPipelineAggregation : PipelineAggregation
{
    protected ParentPipelineAggregation(string name, string type, JsonObject options, bool hasPath = true)
        : base(name, type, options, hasPath)
    {
    }

    /// <summary>Whether the parent must be a histogram whose buckets are in key order (derivative, cumulative_sum, serial_diff).</summary>
    protected virtual bool NeedsHistogramParent => true;

    /// <summary>The name of the aggregation whose buckets this pipeline reads (set by <see cref="Validate"/>).</summary>
    protected string Containing { get; private set; } = string.Empty;

    public override void Validate(IReadOnlyDictionary<string, Aggregation> siblings, Aggregation? parent)
    {
        Containing = parent?.Name ?? string.Empty;
        if (NeedsHistogramParent)
        {
            if (parent is null)
            {
                throw ValidationFailed(Type + " aggregation [" + Name + "] must have a histogram, date_histogram or auto_date_histogram as parent but doesn't have a parent");
            }

            // Elasticsearch allows a parent min_doc_count above 0 since 7.17.4: the pipeline then reads the buckets there are.
            if (parent is not HistogramAggregation)
            {
                throw ValidationFailed(Type + " aggregation [" + Name + "] must have a histogram, date_histogram or auto_date_histogram as parent");
            }
        }
        else if (parent is null)
        {
            throw ValidationFailed(Type + " aggregation [" + Name + "] must be declared inside of another aggregation");
        }

        ValidatePaths(siblings);
    }

    /// <summary>Checks the paths against the aggregations beside this one (its parent's other sub-aggregations).</summary>
    protected virtual void ValidatePaths(IReadOnlyDictionary<string, Aggregation> siblings) => Path.Validate(siblings);

    /// <summary>Adds this pipeline's value to the rendered <paramref name="buckets"/> (in order); answers the buckets to keep.</summary>
    public abstract List<JsonObject> Apply(List<JsonObject> buckets, bool typedKeys);

    /// <summary>Puts this pipeline's <paramref name="result"/> (with its meta) into <paramref name="bucket"/>.</summary>
    protected void Attach(JsonObject bucket, JsonObject result, bool typedKeys)
    {
        if (Meta is not null)
        {
            result["meta"] = Meta.DeepClone();
        }

        bucket[typedKeys ? TypedName(new AggDocs([])) + "#" + Name : Name] = result;
    }

    protected static StoreException ValidationFailed(string reason) =>
        StoreException.BadRequest("action_request_validation_exception", "Validation Failed: 1: " + reason + ";");
}
