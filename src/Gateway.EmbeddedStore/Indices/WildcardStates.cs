using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// Which indices a wildcard (or <c>_all</c>) expands to, Elasticsearch's <c>expand_wildcards</c>: <c>open</c>,
/// <c>closed</c>, <c>hidden</c>, <c>all</c> or <c>none</c>, comma-separated. Names given in full are not affected.
/// </summary>
[Flags]
internal enum WildcardStates
{
    None = 0,
    Open = 1,
    Closed = 2,
    Hidden = 4,
    All = Open | Closed | Hidden,
}

/// <summary>Parses <c>expand_wildcards</c>.</summary>
internal static class ExpandWildcards
{
    public static WildcardStates Parse(string? value, WildcardStates fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        var states = WildcardStates.None;
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            states |= part switch
            {
                "open" => WildcardStates.Open,
                "closed" => WildcardStates.Closed,
                "hidden" => WildcardStates.Hidden,
                "all" => WildcardStates.All,
                "none" => WildcardStates.None,
                _ => throw StoreException.IllegalArgument("No valid expand wildcard value [" + part + "]"),
            };
        }

        return states;
    }

    /// <summary>Whether a wildcard with these states reaches <paramref name="index"/>.</summary>
    public static bool Reaches(this WildcardStates states, IndexState index) =>
        (states & (index.IsClosed ? WildcardStates.Closed : WildcardStates.Open)) != 0;
}
