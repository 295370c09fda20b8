using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Scripts;

/// <summary>
/// A script bound to one search snapshot: <c>doc</c>, <c>params</c> (with <c>params['_source']</c> where the context
/// has it), <c>_score</c> and the score functions (<c>cosineSimilarity</c>, <c>saturation</c>, ...). A failure is
/// Elasticsearch's search failure: <c>search_phase_execution_exception</c> whose shard failure and root cause is
/// the <c>script_exception</c>.
/// </summary>
internal sealed class SearchScript
{
    private readonly ScriptDefinition _definition;
    private readonly SearchContext _context;
    private readonly ScriptDocLookup _doc;
    private readonly ScriptBindings _bindings = new();
    private readonly ScriptMap _parameters;
    private readonly bool _withSource;

    public SearchScript(ScriptDefinition definition, SearchContext context, bool withSource = false)
    {
        _definition = definition;
        _context = context;
        _doc = new ScriptDocLookup(context);
        _parameters = definition.Parameters();
        _withSource = withSource;
        _bindings.Variables["doc"] = _doc;
        _bindings.Variables["params"] = _parameters;
        _bindings.Variables["_score"] = 0d;
        ScoreFunctions.Register(_bindings, _doc, context);
    }

    /// <summary>Runs the script for the document <paramref name="ord"/> (scored <paramref name="score"/>).</summary>
    public object? Run(int ord, double score = 0, string phase = "query")
    {
        _doc.Ord = ord;
        _bindings.Variables["_score"] = score;
        if (_withSource)
        {
            _parameters.Init("_source", ScriptJson.FromBytes(_context.Snapshot.Doc(ord).SourceBytes.Span));
        }

        try
        {
            return _definition.Execute(_bindings);
        }
        catch (StoreException e) when (e.Type == "script_exception")
        {
            throw SearchErrors.ScriptFailed(e, _context.IndexName, phase);
        }
    }

    /// <summary>A script result read as a number (script_score, numeric sorts): a non-number is a cast failure.</summary>
    public double RunNumber(int ord, double score = 0, string phase = "query")
    {
        var result = Run(ord, score, phase);
        if (ScriptOperators.IsNumber(result))
        {
            return ScriptOperators.AsDouble(result!);
        }

        throw SearchErrors.ScriptFailed(ScriptErrors.ToStoreException(
            ScriptException.ClassCast("Cannot cast " + ScriptTypes.JavaName(result) + " to java.lang.Number"), _definition.Source), _context.IndexName, phase);
    }
}
