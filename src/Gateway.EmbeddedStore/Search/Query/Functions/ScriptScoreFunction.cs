using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Scripts;

namespace Gateway.EmbeddedStore.Search.Query.Functions;

/// <summary><c>script_score</c> function of <c>function_score</c>: the script's number, with <c>_score</c> the query's score.</summary>
internal sealed class ScriptScoreFunction : ScoreFunction
{
    public required ScriptDefinition Script { get; init; }

    public override Func<int, double> Bind(SearchContext context)
    {
        var scored = BindScored(context);
        return ord => scored(ord, 0);
    }

    public override Func<int, double, double> BindScored(SearchContext context)
    {
        var script = new SearchScript(Script, context);
        return (ord, score) => script.RunNumber(ord, score);
    }
}
