namespace Gateway.Rewrite;

/// <summary>Recognises the request paths whose bodies may carry text or images.</summary>
public static class SearchEndpoint
{
    /// <summary>
    /// Parses <c>/_search</c>, <c>/{index}/_search</c>, <c>/_msearch</c> and <c>/{index}/_msearch</c>
    /// (an index may be a comma-separated list, an alias or a pattern).
    /// </summary>
    /// <param name="path">The request path, without query string.</param>
    /// <param name="kind">Search or multi-search.</param>
    /// <param name="indexExpression">The URL-decoded index expression, or <see langword="null"/> when the path has none.</param>
    public static bool TryParse(string path, out SearchEndpointKind kind, out string? indexExpression)
    {
        kind = SearchEndpointKind.Search;
        indexExpression = null;
        var trimmed = path.AsSpan().Trim('/');
        var slash = trimmed.IndexOf('/');
        var first = slash < 0 ? trimmed : trimmed[..slash];
        var rest = slash < 0 ? [] : trimmed[(slash + 1)..];
        ReadOnlySpan<char> endpoint;
        if (rest.IsEmpty)
        {
            endpoint = first;
        }
        else
        {
            if (rest.Contains('/') || first.IsEmpty || first[0] == '_')
            {
                return false;
            }

            endpoint = rest;
            indexExpression = Uri.UnescapeDataString(first.ToString());
        }

        if (endpoint.SequenceEqual("_search"))
        {
            return true;
        }

        if (endpoint.SequenceEqual("_msearch"))
        {
            kind = SearchEndpointKind.MultiSearch;
            return true;
        }

        indexExpression = null;
        return false;
    }
}
