using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// Matches a request to a handler like Elasticsearch's path trie: literal segments win over
/// placeholders, a path that exists under another method is a 405, anything else a 400.
/// </summary>
internal sealed class RestRouter
{
    private readonly List<Route> _routes = [];

    public void Add(string method, string pattern, Func<RestRequest, CancellationToken, ValueTask<RestResponse>> handler) =>
        _routes.Add(new Route(method, pattern.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries), handler));

    public void Add(string[] methods, string pattern, Func<RestRequest, CancellationToken, ValueTask<RestResponse>> handler)
    {
        foreach (var method in methods)
        {
            Add(method, pattern, handler);
        }
    }

    public ValueTask<RestResponse> Dispatch(RestRequest request, CancellationToken cancellationToken)
    {
        Route? best = null;
        var bestScore = -1L;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var pathMatchScore = -1L;
        foreach (var route in _routes)
        {
            var score = route.Score(request.Segments);
            if (score < 0)
            {
                continue;
            }

            if (score > pathMatchScore)
            {
                pathMatchScore = score;
                allowed.Clear();
            }

            if (score == pathMatchScore)
            {
                allowed.Add(route.Method);
            }

            if (route.Method == request.Method && score > bestScore)
            {
                best = route;
                bestScore = score;
            }
        }

        // A more specific path under another method hides a placeholder route, as in Elasticsearch.
        if (best is null || (pathMatchScore > bestScore && !allowed.Contains(request.Method)))
        {
            if (allowed.Count > 0)
            {
                throw new StoreException(405, "method_not_allowed_exception",
                    "Incorrect HTTP method for uri [" + request.RawPath + "] and method [" + request.Method + "], allowed: [" + string.Join(", ", allowed) + "]");
            }

            throw StoreException.IllegalArgument("no handler found for uri [" + request.RawPath + "] and method [" + request.Method + "]");
        }

        best.Bind(request);
        return best.Handler(request, cancellationToken);
    }

    private sealed class Route(string method, string[] segments, Func<RestRequest, CancellationToken, ValueTask<RestResponse>> handler)
    {
        public string Method { get; } = method;

        public Func<RestRequest, CancellationToken, ValueTask<RestResponse>> Handler { get; } = handler;

        /// <summary>-1 when the path does not match; otherwise higher for earlier literal matches.</summary>
        public long Score(IReadOnlyList<string> path)
        {
            if (path.Count != segments.Length)
            {
                return -1;
            }

            long score = 0;
            for (var i = 0; i < segments.Length; i++)
            {
                var pattern = segments[i];
                if (pattern[0] == '{')
                {
                    continue;
                }

                if (!string.Equals(pattern, path[i], StringComparison.Ordinal))
                {
                    return -1;
                }

                score |= 1L << (20 - i);
            }

            return score;
        }

        public void Bind(RestRequest request)
        {
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i][0] == '{')
                {
                    request.RouteValues[segments[i][1..^1]] = request.Segments[i];
                }
            }
        }
    }
}
