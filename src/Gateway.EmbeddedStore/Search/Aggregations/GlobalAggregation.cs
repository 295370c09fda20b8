using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary><c>global</c>: one bucket of every document of the searched indices, whatever the query; top level only.</summary>
internal sealed class GlobalAggregation : Aggregation
{
    public GlobalAggregation(string name, JsonObject options)
        : base(name)
    {
        if (options.Count > 0)
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[global] unknown field [" + options.First().Key + "]");
        }
    }

    public override string TypedName(AggDocs docs) => "global";

    /// <summary>Refuses a parent, with Elasticsearch's error (an initialization failure, answered 500).</summary>
    public void ValidateParent(Aggregation? parent)
    {
        if (parent is not null)
        {
            throw new StoreException(500, "aggregation_initialization_exception",
                "Aggregation [" + parent.Name + "] cannot have a global sub-aggregation [" + Name + "]. Global aggregations can only be defined as top level aggregations");
        }
    }

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var all = new AggDocs(docs.Parts.Select(p => (p.Outcome, new MatchAllQuery().Execute(p.Outcome.Context, scoring: false).Bits)).ToList());
        var result = new JsonObject { ["doc_count"] = all.Count };
        AddSubAggregations(result, all, typedKeys);
        return result;
    }
}
