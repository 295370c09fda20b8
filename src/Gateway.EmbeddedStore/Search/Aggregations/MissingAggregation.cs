using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary><c>missing</c>: one bucket of the documents without a value for the field (every document when it is unmapped).</summary>
internal sealed class MissingAggregation : Aggregation
{
    private readonly string _field;

    public MissingAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "missing");
    }

    public override string TypedName(AggDocs docs) => "missing";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        AggField.Resolve(docs, _field);
        var missing = docs.Where((outcome, ord) => !HasValue(outcome, ord));
        var result = new JsonObject { ["doc_count"] = missing.Count };
        AddSubAggregations(result, missing, typedKeys);
        return result;
    }

    private bool HasValue(Execution.ShardOutcome outcome, int ord) =>
        outcome.Context.Snapshot.Doc(ord).Fields.TryGetValue(outcome.Context.Snapshot.Resolve(_field), out var values)
        && (values.Keywords is { Count: > 0 } || values.Texts is { Count: > 0 } || values.Points is { Count: > 0 } || AggField.Numbers(values).Count > 0);
}
