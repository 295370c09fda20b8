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

    /// <summary>The concrete index behind the alias, created (with the alias) when there is none yet. Fails when the
    /// alias name is taken by a plain index or the index's vectors do not match <paramref name="dimensions"/>.</summary>
    public async Task<Outcome<string>> EnsureCurrentIndexAsync(int dimensions, CancellationToken cancellationToken)
    {
        var targets = await _upstream.GetAliasTargetsAsync(_alias, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            if (await _upstream.ExistsAsync(_alias, cancellationToken).ConfigureAwait(false))
            {
                return Outcome.Failed($"'{_alias}' is a plain index, not an alias: run a full reindex after deleting or renaming it");
            }

            var created = await CreateVersionedIndexAsync(dimensions, cancellationToken).ConfigureAwait(false);
            if (created.Failure is { } failure)
            {
                return Outcome.Failed(failure);
            }

            var swapped = await SwapAliasAsync(created.Value, cancellationToken).ConfigureAwait(false);
            return swapped.Failure is { } swapFailure ? Outcome.Failed(swapFailure) : created;
        }

        var index = targets.OrderBy(t => t, StringComparer.Ordinal).Last();
        var dims = await VectorDimensionsAsync(index, cancellationToken).ConfigureAwait(false);
        if (dims is not null && dims != dimensions)
        {
            return Outcome.Failed($"index '{index}' holds {dims}-dimension vectors but the model gives {dimensions}: the model changed, run a full reindex");
        }

        return index;
    }

    /// <summary>Creates <c>{alias}-v{yyyyMMddHHmmssfff}</c> with the photos mapping.</summary>
    public async Task<Outcome<string>> CreateVersionedIndexAsync(int dimensions, CancellationToken cancellationToken)
    {
        var name = _alias + "-v" + _time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        while (await _upstream.ExistsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            name += "x";
        }

        var response = await _upstream.SendAsync(HttpMethod.PUT, "/" + name, PhotosMapping.Create(dimensions).ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.FailureOf(HttpMethod.PUT, "/" + name) is { } failure ? Outcome.Failed(failure) : name;
    }

    /// <summary>Points the alias at <paramref name="index"/> alone in one atomic <c>_aliases</c> call, then deletes the
    /// indices it pointed at before; answers those.</summary>
    public async Task<Outcome<List<string>>> SwapAliasAsync(string index, CancellationToken cancellationToken)
    {
        var old = (await _upstream.GetAliasTargetsAsync(_alias, cancellationToken).ConfigureAwait(false)).Where(i => i != index).ToList();
        var actions = new JsonArray();
        foreach (var o in old)
        {
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = o, ["alias"] = _alias } });
        }

        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = _alias } });
        var swapped = await _upstream.SendAsync(HttpMethod.POST, "/_aliases", new JsonObject { ["actions"] = actions }.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (swapped.FailureOf(HttpMethod.POST, "/_aliases") is { } failure)
        {
            return Outcome.Failed(failure);
        }

        foreach (var o in old)
        {
            var deleted = await _upstream.SendAsync(HttpMethod.DELETE, "/" + o, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (deleted.FailureOf(HttpMethod.DELETE, "/" + o, 404) is { } deleteFailure)
            {
                return Outcome.Failed(deleteFailure);
            }
        }

        return old;
    }

    /// <summary>Deletes an index, ignoring failures (used to clean up an abandoned reindex, also after cancellation).</summary>
    public async Task DeleteIndexQuietlyAsync(string index)
    {
        // Best effort, so the answer is not looked at: an orphaned versioned index is harmless (the alias never pointed at it).
        await _upstream.SendAsync(HttpMethod.DELETE, "/" + index, cancellationToken: CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Size, time and hash of every stored photo of <paramref name="album"/>, keyed by document id.</summary>
    public async Task<Outcome<Dictionary<string, StoredPhoto>>> ReadAlbumAsync(string index, string album, CancellationToken cancellationToken)
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

            var response = await _upstream.SendAsync(HttpMethod.POST, $"/{index}/_search", body.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.FailureOf(HttpMethod.POST, $"/{index}/_search") is { } failure)
            {
                return Outcome.Failed(failure);
            }

            var hits = response.Body?["hits"]?["hits"] as JsonArray ?? [];
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

            if (hits[^1]!["sort"]?.DeepClone() is not JsonArray sort)
            {
                return Outcome.Failed("search_after paging needs sort values in hits");
            }

            after = sort;
        }
    }

    /// <summary>Deletes every document of <paramref name="album"/> from the indices behind the alias (a removed album);
    /// returns how many it deleted. Reads ids and sends bulk deletes, which every upstream supports.</summary>
    public async Task<Outcome<int>> DeleteAlbumAsync(string album, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var index in await _upstream.GetAliasTargetsAsync(_alias, cancellationToken).ConfigureAwait(false))
        {
            var stored = await ReadAlbumAsync(index, album, cancellationToken).ConfigureAwait(false);
            if (stored.Failure is { } readFailure)
            {
                return Outcome.Failed(readFailure);
            }

            var ids = stored.Value.Keys.ToList();
            foreach (var chunk in ids.Chunk(1000))
            {
                var bulk = await BulkAsync(NdJson(chunk.Select(id => Action("delete", index, id))), cancellationToken).ConfigureAwait(false);
                if (bulk.Failure is { } bulkFailure)
                {
                    return Outcome.Failed(bulkFailure);
                }

                if (bulk.Value.Count > 0)
                {
                    return Outcome.Failed($"deleting album '{album}' from '{index}' failed for {bulk.Value.Count} documents: {bulk.Value[0].Reason}");
                }
            }

            var refreshed = await RefreshAsync(index, cancellationToken).ConfigureAwait(false);
            if (refreshed.Failure is { } refreshFailure)
            {
                return Outcome.Failed(refreshFailure);
            }

            deleted += ids.Count;
        }

        return deleted;
    }

    /// <summary>Sends one bulk request (NDJSON); returns per-item failures as (id, reason), or the failure of the whole request.</summary>
    public async Task<Outcome<List<(string Id, string Reason)>>> BulkAsync(string ndjson, CancellationToken cancellationToken)
    {
        var response = await _upstream.SendAsync(HttpMethod.POST, "/_bulk", ndjson, ndjson: true, cancellationToken).ConfigureAwait(false);
        if (response.FailureOf(HttpMethod.POST, "/_bulk") is { } failure)
        {
            return Outcome.Failed(failure);
        }

        if (response.Body?["errors"]?.GetValue<bool>() != true)
        {
            return new List<(string Id, string Reason)>();
        }

        var failures = new List<(string Id, string Reason)>();
        foreach (var item in response.Body["items"] as JsonArray ?? [])
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
    public async Task<Outcome> RefreshAsync(string index, CancellationToken cancellationToken)
    {
        var response = await _upstream.SendAsync(HttpMethod.POST, $"/{index}/_refresh", cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.FailureOf(HttpMethod.POST, $"/{index}/_refresh") is { } failure ? Outcome.Failed(failure) : Outcome.Ok;
    }

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
