using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Scripts;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>script</c> query: the live documents for which the Painless script (over <c>doc</c> and <c>params</c>) returns
/// true, each scoring the boost (a filter, as Elasticsearch's ScriptQuery).
/// </summary>
internal sealed class ScriptQuery : QueryNode
{
    public required ScriptDefinition Script { get; init; }

    public static ScriptQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[script] query malformed, no start_object after query name");
        QueryParser.RequireKnown("script", obj, "script");
        var script = obj["script"] is { } spec
            ? ScriptDefinition.Parse(spec, null)
            : throw StoreException.Parsing("script must be provided with a [script] query");
        return QueryParser.WithCommon(new ScriptQuery { Script = script }, obj, "script");
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var script = new SearchScript(Script, context);
        var bits = new DocBits(context.MaxDoc);
        foreach (var ord in context.Snapshot.Live.Ordinals())
        {
            if (Matches(script.Run(ord), context))
            {
                bits.Set(ord);
            }
        }

        return new DocResult(bits, null, Boost);
    }

    private bool Matches(object? result, SearchContext context) => result is bool b
        ? b
        : throw SearchErrors.ScriptFailed(ScriptErrors.ToStoreException(
            ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(result) + " to boolean"), Script.Source), context.IndexName);
}
