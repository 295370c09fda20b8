using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// An aggregation computed from other aggregations' rendered results rather than from documents: a sibling pipeline
/// reads the buckets of an aggregation beside it, a parent pipeline adds a value to every bucket of its parent.
/// </summary>
internal abstract class PipelineAggregation : Aggregation
{
    private readonly BucketsPath? _path;

    protected PipelineAggregation(string name, string type, JsonObject options, bool hasPath = true)
        : base(name)
    {
        Type = type;
        if (hasPath)
        {
            _path = BucketsPath.Parse(JsonValues.AsString(options["buckets_path"])
                ?? throw StoreException.Parsing("Missing required field [buckets_path] for aggregation [" + name + "]"));
        }

        Gap = ParseGapPolicy(options["gap_policy"]);
        Format = JsonValues.AsString(options["format"]);
    }

    public string Type { get; }

    /// <summary>The <c>buckets_path</c> (every pipeline but bucket_sort has one).</summary>
    public BucketsPath Path => _path ?? throw new InvalidOperationException("[" + Type + "] has no buckets_path");

    public GapPolicy Gap { get; }

    public string? Format { get; }

    /// <summary>Pipelines never read documents: the runner calls <see cref="SiblingPipelineAggregation.Reduce"/> or <see cref="ParentPipelineAggregation.Apply"/>.</summary>
    public sealed override JsonObject Compute(AggDocs docs, bool typedKeys) =>
        throw new InvalidOperationException("The pipeline aggregation [" + Name + "] is computed from its siblings' results, not from documents.");

    /// <summary>Checks the request's shape once parsed (<paramref name="siblings"/>: the aggregations beside this one; <paramref name="parent"/>: the one it sits in).</summary>
    public abstract void Validate(IReadOnlyDictionary<string, Aggregation> siblings, Aggregation? parent);

    private static GapPolicy ParseGapPolicy(JsonNode? node) => JsonValues.AsString(node) switch
    {
        null or "skip" => GapPolicy.Skip,
        "insert_zeros" => GapPolicy.InsertZeros,
        "keep_values" => GapPolicy.KeepValues,
        var other => throw StoreException.BadRequest("x_content_parse_exception", "Invalid gap policy: [" + other + "], accepted values: [skip, insert_zeros, keep_values]"),
    };
}
