using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Scripts;

/// <summary>One script of a request bound once per searched snapshot (script fields and sorts run it per hit).</summary>
internal sealed class BoundScripts(ScriptDefinition script, bool withSource = false)
{
    private readonly Dictionary<SearchContext, SearchScript> _bound = [];

    public SearchScript For(SearchContext context)
    {
        lock (_bound)
        {
            if (!_bound.TryGetValue(context, out var bound))
            {
                bound = new SearchScript(script, context, withSource);
                _bound[context] = bound;
            }

            return bound;
        }
    }
}
