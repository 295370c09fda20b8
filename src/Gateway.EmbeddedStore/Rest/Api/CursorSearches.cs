using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Cursors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// The <c>_search</c> variants that keep state between requests: <c>?scroll=</c> opens a scroll, a body
/// with <c>pit</c> searches an open point in time (with the implicit <c>_shard_doc</c> tiebreak).
/// </summary>
internal sealed class CursorSearches(EmbeddedStore store)
{
    private SearchService Service => store.Search as SearchService
        ?? throw new NotSupportedException("Scrolls need the store's own SearchService.");

    public static bool IsPointInTime(JsonObject? body) => body?["pit"] is not null;

    /// <summary>Checks what a point-in-time search may not carry; returns the point in time's targets and the body to run.</summary>
    public (PointInTime Pit, JsonObject Body) PointInTime(string? indexInPath, JsonObject body, IReadOnlyDictionary<string, string> parameters)
    {
        if (indexInPath is not null)
        {
            throw CursorErrors.Validation("[indices] cannot be used with point in time. Do not specify any index with point in time.");
        }

        if (parameters.ContainsKey("scroll"))
        {
            throw CursorErrors.Validation("using [point in time] is not allowed in a scroll context");
        }

        if (body["pit"] is not JsonObject pitJson || pitJson["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
        {
            throw StoreException.Parsing("[pit] requires an object with a string [id]");
        }

        foreach (var (key, _) in pitJson)
        {
            if (key is not ("id" or "keep_alive"))
            {
                throw StoreException.Parsing("[point_in_time] unknown field [" + key + "]");
            }
        }

        var keepAlive = pitJson["keep_alive"] is JsonValue k ? KeepAlive.Parse(k.ToString(), "keep_alive", store.ClusterSettings.MaxKeepAlive) : (TimeSpan?)null;
        RefuseSlice(body);
        var pit = store.Cursors.PointInTime(id, keepAlive);
        var run = (JsonObject)body.DeepClone();
        run.Remove("pit");
        AddShardDocTiebreak(run);
        return (pit, run);
    }

    /// <summary>Runs a <c>?scroll=</c> search and answers its first page with the new <c>_scroll_id</c>.</summary>
    public JsonObject OpenScroll(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var keepAlive = KeepAlive.Parse(parameters["scroll"], "scroll", store.ClusterSettings.MaxKeepAlive);
        var from = parameters.GetValueOrDefault("from") ?? body?["from"]?.ToString();
        if (from is not null && from != "0")
        {
            throw CursorErrors.Validation("using [from] is not allowed in a scroll context");
        }

        var size = body?["size"]?.ToString() ?? parameters.GetValueOrDefault("size");
        if (size == "0")
        {
            throw CursorErrors.Validation("[size] cannot be [0] in a scroll context");
        }

        if (size is not null && int.TryParse(size, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var batch)
            && batch > Search.Execution.SearchRequestParser.MaxResultWindow)
        {
            throw Search.Execution.SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Batch size is too large, size must be less than or equal to: [" + Search.Execution.SearchRequestParser.MaxResultWindow + "] but was [" + batch +
                "]. Scroll batch sizes cost as much memory as result windows so they are controlled by the [index.max_result_window] index level setting."));
        }

        if (parameters.GetValueOrDefault("request_cache") is "true" or "")
        {
            throw CursorErrors.Validation("[request_cache] cannot be used in a scroll context");
        }

        if (body?["collapse"] is not null)
        {
            throw CursorErrors.Validation("cannot use `collapse` in a scroll context");
        }

        if (body?["rescore"] is not null)
        {
            throw CursorErrors.Validation("using [rescore] is not allowed in a scroll context");
        }

        if (body?["search_after"] is not null)
        {
            throw CursorErrors.Validation("[search_after] cannot be used in a scroll context");
        }

        if (body?["track_total_hits"] is JsonValue tth && tth.TryGetValue<bool>(out var track) && !track)
        {
            throw CursorErrors.Validation("disabling [track_total_hits] is not allowed in a scroll context");
        }

        RefuseSlice(body);
        store.Cursors.EnsureScrollCapacity();
        var run = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        run.Remove("scroll");
        run.Remove("request_cache");
        var cursor = Service.OpenScroll(targets, body, run, cancellationToken);
        var id = store.Cursors.AddScroll(cursor, keepAlive);
        return WithScrollId(cursor.NextPage(restTotalHitsAsInt: null), id);
    }

    /// <summary>The next page of a scroll (<c>_search/scroll</c>).</summary>
    public JsonObject Continue(string scrollId, string? keepAlive, bool restTotalHitsAsInt)
    {
        var renewed = keepAlive is null ? (TimeSpan?)null : KeepAlive.Parse(keepAlive, "scroll", store.ClusterSettings.MaxKeepAlive);
        var cursor = store.Cursors.Scroll(scrollId, renewed);
        try
        {
            return WithScrollId(cursor.NextPage(restTotalHitsAsInt), scrollId);
        }
        catch (ObjectDisposedException)
        {
            // Cleared by another request between the lookup and the page.
            throw CursorErrors.Missing(scrollId);
        }
    }

    private static JsonObject WithScrollId(JsonObject page, string id)
    {
        page.Insert(0, "_scroll_id", id);
        return page;
    }

    // Sliced scrolls and points in time are not implemented; refused rather than answering every slice with all hits.
    private static void RefuseSlice(JsonObject? body)
    {
        if (body?["slice"] is not null)
        {
            throw StoreException.IllegalArgument("[slice] is not supported by the embedded store");
        }
    }

    /// <summary>
    /// Elasticsearch adds an ascending <c>_shard_doc</c> tiebreak to a point-in-time search's sort; a
    /// <c>search_after</c> written for the sort as sent gets the largest tiebreak, so equal keys are not repeated.
    /// </summary>
    private static void AddShardDocTiebreak(JsonObject body)
    {
        if (body["sort"] is not { } sort)
        {
            return;
        }

        var clauses = sort is JsonArray array ? array : new JsonArray(sort.DeepClone());
        var hasTiebreak = clauses.Any(c => c is JsonValue v && v.ToString() == "_shard_doc" || c is JsonObject o && o.ContainsKey("_shard_doc"));
        if (hasTiebreak)
        {
            return;
        }

        var explicitCount = clauses.Count;
        var withTiebreak = (JsonArray)clauses.DeepClone();
        withTiebreak.Add(new JsonObject { ["_shard_doc"] = "asc" });
        body["sort"] = withTiebreak;
        if (body["search_after"] is JsonArray after && after.Count == explicitCount)
        {
            after.Add(long.MaxValue);
        }
    }
}
