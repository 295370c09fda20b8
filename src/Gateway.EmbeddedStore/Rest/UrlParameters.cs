using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// Checks a request's URL parameters against those its API takes, as Elasticsearch's <c>BaseRestHandler</c> does:
/// any other is refused with <c>request [path] contains unrecognized parameter: [name]</c>.
/// </summary>
internal static class UrlParameters
{
    // What every API takes (rest-api-spec/_common.json) and the store honours or ignores as Elasticsearch may.
    private static readonly string[] Common = ["pretty", "human", "error_trace", "filter_path", "source", "source_content_type"];

    public static void Check(RestRequest request, params IReadOnlyCollection<string> accepted)
    {
        var unknown = request.Query.Keys.Where(k => !accepted.Contains(k) && !Common.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 1)
        {
            throw StoreException.IllegalArgument("request [" + request.RawPath + "] contains unrecognized parameter: [" + unknown[0] + "]");
        }

        if (unknown.Count > 1)
        {
            throw StoreException.IllegalArgument("request [" + request.RawPath + "] contains unrecognized parameters: [" + string.Join("], [", unknown) + "]");
        }
    }
}
