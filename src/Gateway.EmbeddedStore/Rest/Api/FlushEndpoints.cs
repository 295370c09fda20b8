using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>POST|GET [/{index}]/_flush</c>: every acknowledged write is already in the fsynced translog (the store's
/// durability is Elasticsearch's after a flush), so it answers the shard counts and changes nothing.
/// </summary>
internal sealed class FlushEndpoints(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add(["POST", "GET"], "/_flush", (r, _) => ValueTask.FromResult(Flush(r, null)));
        router.Add(["POST", "GET"], "/{index}/_flush", (r, _) => ValueTask.FromResult(Flush(r, r.Route("index"))));
    }

    private RestResponse Flush(RestRequest request, string? expression)
    {
        if (!IndexResolver.ResolveIndices(store.Catalog, expression, request.Flag("ignore_unavailable", false), request.Flag("allow_no_indices", true),
            ExpandWildcards.Parse(request.Param("expand_wildcards"), WildcardStates.Open), forbidClosed: true)
            .TryGetValue(out var indices, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var primaries = indices.Sum(i => i.Shards);
        var total = indices.Sum(i => i.Shards * (1 + i.Replicas));
        return RestResponse.Ok(new JsonObject
        {
            ["_shards"] = new JsonObject { ["total"] = total, ["successful"] = primaries, ["failed"] = 0 },
        });
    }
}
