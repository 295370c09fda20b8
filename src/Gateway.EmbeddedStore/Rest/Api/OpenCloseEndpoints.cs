using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>POST /{index}/_close</c> and <c>POST /{index}/_open</c>. A closed index keeps its documents, mapping, settings and
/// aliases but refuses searches, reads and writes with <c>index_closed_exception</c>; wildcards expand to open indices
/// for close and to closed ones for open (<c>expand_wildcards</c>), and <c>_all</c> or a wildcard is refused while
/// <c>action.destructive_requires_name</c> is on, as in Elasticsearch.
/// </summary>
internal sealed class OpenCloseEndpoints(EmbeddedStore store)
{
    private static readonly string[] Parameters =
    [
        "index", "timeout", "master_timeout", "ignore_unavailable", "allow_no_indices", "expand_wildcards", "wait_for_active_shards",
    ];

    public void Register(RestRouter router)
    {
        router.Add("POST", "/{index}/_close", CloseAsync);
        router.Add("POST", "/{index}/_open", OpenAsync);
    }

    private ValueTask<RestResponse> CloseAsync(RestRequest request, CancellationToken cancellationToken) =>
        SetClosedAsync(request, closed: true, cancellationToken);

    private ValueTask<RestResponse> OpenAsync(RestRequest request, CancellationToken cancellationToken) =>
        SetClosedAsync(request, closed: false, cancellationToken);

    // Close reaches open indices through wildcards, open closed ones; close also reports each index it closed.
    private async ValueTask<RestResponse> SetClosedAsync(RestRequest request, bool closed, CancellationToken cancellationToken)
    {
        if (!Resolve(request, closed ? WildcardStates.Open : WildcardStates.Closed).TryGetValue(out var indices, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var shardsAcknowledged = ShardsAcknowledged(request, indices);
        var position = store.Catalog.SetClosed(indices, closed);
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        var result = new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = shardsAcknowledged };
        if (closed)
        {
            var perIndex = new JsonObject();
            foreach (var index in indices.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                perIndex[index.Name] = new JsonObject { ["closed"] = true };
            }

            result["indices"] = perIndex;
        }

        return RestResponse.Ok(result);
    }

    private StoreResult<List<IndexState>> Resolve(RestRequest request, WildcardStates expandDefault)
    {
        UrlParameters.Check(request, Parameters);
        var expression = request.Route("index");
        var expand = ExpandWildcards.Parse(request.Param("expand_wildcards"), expandDefault);
        if (store.ClusterSettings.DestructiveRequiresName && IndexNames.IsDestructiveWildcard(expression))
        {
            throw StoreException.IllegalArgument("Wildcard expressions or all indices are not allowed");
        }

        return IndexResolver.ResolveIndices(store.Catalog, expression, request.Flag("ignore_unavailable", false), request.Flag("allow_no_indices", true), expand);
    }

    // One node holds only the primaries: waiting for more active copies than that would time out, which Elasticsearch
    // reports as shards_acknowledged: false (the store answers at once instead of waiting out the timeout).
    private static bool ShardsAcknowledged(RestRequest request, List<IndexState> indices)
    {
        var wait = request.Param("wait_for_active_shards");
        return wait switch
        {
            null or "index-setting" or "0" or "1" => true,
            "all" => indices.All(i => i.Replicas == 0),
            _ when int.TryParse(wait, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0 => count <= 1,
            _ => throw StoreException.IllegalArgument("failed to parse value [" + wait + "] for [wait_for_active_shards]"),
        };
    }
}
