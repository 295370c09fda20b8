using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Cursors;

/// <summary>Elasticsearch's answers for scroll and point-in-time requests it refuses.</summary>
internal static class CursorErrors
{
    /// <summary>An id that was freed, expired or never existed (Elasticsearch's <c>SearchContextMissingException</c>, 404).</summary>
    public static StoreException Missing(string id) =>
        new(404, "search_context_missing_exception", "No search context found for id [" + id + "]");

    public static StoreException Unparsable(string what) =>
        new(400, "illegal_argument_exception", "Cannot parse " + what)
        {
            CausedBy = StoreException.IllegalArgument("invalid " + what),
        };

    public static StoreException Validation(string reason) =>
        new(400, "action_request_validation_exception", "Validation Failed: 1: " + reason + ";");

    public static StoreException KeepAliveTooLarge(string requested, TimeSpan limit) =>
        StoreException.IllegalArgument("Keep alive for request (" + requested + ") is too large. It must be less than (" + KeepAlive.Render(limit) +
            "). This limit can be set by changing the [search.max_keep_alive] cluster level setting.");

    public static StoreException TooManyScrolls(int limit) =>
        new(429, "too_many_scroll_contexts_exception",
            "Trying to create too many scroll contexts. Must be less than or equal to: [" + limit +
            "]. This limit can be set by changing the [search.max_open_scroll_context] setting.");
}
