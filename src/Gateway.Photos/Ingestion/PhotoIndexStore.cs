using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Upstream;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Photos.Ingestion;

/// <summary>The upstream side of ingestion: versioned indices behind the alias, stored state, bulk writes, alias swaps.</summary>
public sealed class PhotoIndexStore
{
    private readonly UpstreamClient _upstream;
    private readonly string _alias;
    private readonly TimeProvider _time;

    /// <summary>Works on the indices behind <paramref name="alias"/>.</summary>
    public PhotoIndexStore(UpstreamClient upstream, string alias, TimeProvider? time = null)
    {
        _upstream = upstream;
        _alias = alias;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The alias searches use.</summary>
    public string Alias => _alias;

    /// <summary>The concrete index behind the alias, created (with the alias) when there is none yet. Throws when the
    /// alias name is taken by a plain index or the index's vectors do not match <paramref name="dimensions"/>.</summary>
    public async Task<string> EnsureCurrentIndexAsync(int dimensions, CancellationToken cancellationToken)
    {
        var targets = await _upstream.GetAliasTargetsAsync(_alias, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            if (await _upstream.ExistsAsync(_alias, cancellationToken).ConfigureAwait(false))
            {
                throw new UpstreamException($"'{_alias}' is a plain index, not an alias: run a full reindex after deleting or renaming it", 400);
            }

            var created = await CreateVersionedIndexAsync(dimensions, cancellationToken).ConfigureAwait(false);
            await SwapAliasAsync(created, cancellationToken).ConfigureAwait(false);
            return created;
        }

        var index = targets.OrderBy(t => t, StringComparer.Ordinal).Last();
        var dims = await VectorDimensionsAsync(index, cancellationToken).ConfigureAwait(false);
        if (dims is not null && dims != dimensions)
        {
            throw new UpstreamException($"index '{index}' holds {dims}-dimension vectors but the model gives {dimensions}: the model changed, run a full reindex", 400);
        }

        return index;
    }

    /// <summary>Creates <c>{alias}-v{yyyyMMddHHmmssfff}</c> with the photos mapping.</summary>
    public async Task<string> CreateVersionedIndexAsync(int dimensions, CancellationToken cancellationToken)
    {
        var name = _alias + "-v" + _time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        while (await _upstream.ExistsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            name += "x";
        }

        await _upstream.SendOrThrowAsync(HttpMethod.PUT, "/" + name, PhotosMapping.Create(dimensions).ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Points the alias at <paramref name="index"/> alone in one atomic <c>_aliases</c> call, then deletes the
    /// indices it pointed at before.</summary>
    public async Task<IReadOnlyList<string>> SwapAliasAsync(string index, CancellationToken cancellationToken)
    {
        var old = (await _upstream.GetAliasTargetsAsync(_alias, cancellationToken).ConfigureAwait(false)).Where(i => i != index).ToList();
        var actions = new JsonArray();
        foreach (var o in old)
        {
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = o, ["alias"] = _alias } });
        }

        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = _alias } });
        await _upstream.SendOrThrowAsync(HttpMethod.POST, "/_aliases", new JsonObject { ["actions"] = actions }.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var o in old)
        {
            await _upstream.SendOrThrowAsync(HttpMethod.DELETE, "/" + o, cancellationToken: cancellationToken, alsoAccept: 404).ConfigureAwait(false);
        }

        return old;
    }

    /// <summary>Deletes an index, ignoring failures (used to clean up an abandoned reindex, also after cancellation).</summary>
    public async Task DeleteIndexQuietlyAsync(string index)
    {
        try
        {
            await _upstream.SendAsync(HttpMethod.DELETE, "/" + index, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UpstreamException or HttpRequestException or OperationCanceledException)
        {
            // Best effort: an orphaned versioned index is harmless (the alias never pointed at it).
        }
    }

    /// <summary>Size, time and hash of every stored photo of <paramref name="album"/>, keyed by document id.</summary>
    public async Task<Dictionary<string, StoredPhoto>> ReadAlbumAsync(string index, string album, CancellationToken cancellationToken)
    {
        const int Page = 1000;
        var result = new Dictionary<string, StoredPhoto>(StringComparer.Ordinal);
        JsonArray? after = null;
        while (true)
        {
            var body = new JsonObject
            {
                ["size"] = Page,
                ["query"] = new JsonObject { ["term"] = new JsonObject { ["album"] = album } },
                ["_source"] = new JsonArray("file_size", "mtime", "content_hash"),
                ["sort"] = new JsonArray(new JsonObject { ["path"] = "asc" }),
            };
            if (after is not null)
            {
                body["search_after"] = after;
            }

            var response = await _upstream.SendOrThrowAsync(HttpMethod.POST, $"/{index}/_search", body.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
            var hits = response?["hits"]?["hits"] as JsonArray ?? [];
            foreach (var hit in hits)
            {
                var id = hit!["_id"]!.GetValue<string>();
                var source = hit["_source"];
                var mtime = source?["mtime"]?.GetValue<string>() is { } m ? DateTimeOffset.Parse(m, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() : 0;
                result[id] = new StoredPhoto(id, source?["file_size"]?.GetValue<long>() ?? -1, mtime, source?["content_hash"]?.GetValue<string>());
            }

            if (hits.Count < Page)
            {
                return result;
            }

            after = hits[^1]!["sort"]?.DeepClone() as JsonArray ?? throw new UpstreamException("search_after paging needs sort values in hits", 500);
        }
    }

    /// <summary>Sends one bulk request (NDJSON); returns per-item failures as (id, reason).</summary>
    public async Task<IReadOnlyList<(string Id, string Reason)>> BulkAsync(string ndjson, CancellationToken cancellationToken)
    {
        var response = await _upstream.SendOrThrowAsync(HttpMethod.POST, "/_bulk", ndjson, ndjson: true, cancellationToken).ConfigureAwait(false);
        if (response?["errors"]?.GetValue<bool>() != true)
        {
            return [];
        }

        var failures = new List<(string, string)>();
        foreach (var item in response["items"] as JsonArray ?? [])
        {
            var op = item?.AsObject().FirstOrDefault().Value;
            if (op?["error"] is { } error && !(item!.AsObject().First().Key == "delete" && op["status"]?.GetValue<int>() == 404))
            {
                failures.Add((op["_id"]?.ToString() ?? "?", $"{error["type"]}: {error["reason"]}"));
            }
        }

        return failures;
    }

    /// <summary>Makes the writes of <paramref name="index"/> visible to search.</summary>
    public Task RefreshAsync(string index, CancellationToken cancellationToken) =>
        _upstream.SendOrThrowAsync(HttpMethod.POST, $"/{index}/_refresh", cancellationToken: cancellationToken);

    /// <summary>An NDJSON action line.</summary>
    public static string Action(string action, string index, string id) =>
        new JsonObject { [action] = new JsonObject { ["_index"] = index, ["_id"] = id } }.ToJsonString();

    /// <summary>Builds NDJSON from lines.</summary>
    public static string NdJson(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private async Task<int?> VectorDimensionsAsync(string index, CancellationToken cancellationToken)
    {
        var mapping = await _upstream.SendAsync(HttpMethod.GET, $"/{index}/_mapping", cancellationToken: cancellationToken).ConfigureAwait(false);
        return mapping.Body?[index]?["mappings"]?["properties"]?["clip_image"]?["dims"]?.GetValue<int>();
    }
}
