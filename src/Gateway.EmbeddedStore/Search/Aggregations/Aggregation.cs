using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>A parsed aggregation with its sub-aggregations.</summary>
internal abstract class Aggregation
{
    protected Aggregation(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public Dictionary<string, Aggregation> SubAggregations { get; } = new(StringComparer.Ordinal);

    public JsonObject? Meta { get; set; }

    /// <summary>The prefix used with <c>typed_keys</c> (e.g. <c>sterms</c>, <c>date_histogram</c>).</summary>
    public abstract string TypedName(AggDocs docs);

    public abstract JsonObject Compute(AggDocs docs, bool typedKeys);

    /// <summary>Renders the sub-aggregations of one bucket into <paramref name="bucket"/>.</summary>
    protected void AddSubAggregations(JsonObject bucket, AggDocs docs, bool typedKeys)
    {
        foreach (var (name, value) in AggregationRunner.ComputeAll(SubAggregations, docs, typedKeys))
        {
            bucket[name] = value?.DeepClone();
        }
    }
}
