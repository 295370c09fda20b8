namespace Gateway.Rewrite;

/// <summary>The search endpoints the rewriter understands.</summary>
public enum SearchEndpointKind
{
    /// <summary><c>_search</c>: one JSON body.</summary>
    Search,

    /// <summary><c>_msearch</c>: NDJSON header/body pairs.</summary>
    MultiSearch,
}
