using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Scripts;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>script_score</c>: the query's matches, each scored by the script (<c>_score</c> is the query's score), cut at
/// <c>min_score</c>, times the boost. A negative or NaN score fails the search, as Elasticsearch's ScriptScoreQuery.
/// </summary>
internal sealed class ScriptScoreQuery : QueryNode
{
    public required QueryNode Query { get; init; }

    public required ScriptDefinition Script { get; init; }

    public float? MinScore { get; init; }

    public static ScriptScoreQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[script_score] query malformed, no start_object after query name");
        QueryParser.RequireKnown("script_score", obj, "query", "script", "min_score");
        var query = obj["query"] is { } q ? QueryParser.Parse(q) : throw StoreException.Parsing("[script_score] requires 'query' field");
        var script = obj["script"] is { } s ? ScriptDefinition.Parse(s, null) : throw StoreException.Parsing("[script_score] requires 'script' field");
        var minScore = obj["min_score"] is { } m ? (float)JsonValues.ToDouble(m, "min_score") : (float?)null;
        return QueryParser.WithCommon(new ScriptScoreQuery { Query = query, Script = script, MinScore = minScore }, obj, "script_score");
    }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms) => Query.CollectTerms(context, terms);

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var inner = Query.Execute(context, scoring: true);
        var script = new SearchScript(Script, context);
        var bits = new DocBits(context.MaxDoc);
        var scores = context.Scores();
        foreach (var ord in inner.Bits.Ordinals())
        {
            var score = (float)script.RunNumber(ord, inner.Score(ord));
            if (score < 0 || float.IsNaN(score))
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "script_score script returned an invalid score [" + ScriptText.Float(score) + "] for doc [" + ord.ToString(CultureInfo.InvariantCulture) + "]. Must be a non-negative score!"));
            }

            if (MinScore is { } min && score * Boost < min)
            {
                continue;
            }

            bits.Set(ord);
            scores[ord] = score * Boost;
        }

        return new DocResult(bits, scores, Boost);
    }
}
