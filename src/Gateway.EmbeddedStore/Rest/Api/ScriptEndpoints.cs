using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// Stored scripts: <c>PUT|POST /_scripts/{id}</c> (painless only, compiled before it is stored), <c>GET</c> and
/// <c>DELETE</c>. They are logged and snapshotted with the indices, so they survive restarts as ES's cluster state.
/// </summary>
internal sealed class ScriptEndpoints(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add(["PUT", "POST"], "/_scripts/{id}", PutAsync);
        router.Add(["PUT", "POST"], "/_scripts/{id}/{context}", PutAsync);
        router.Add("GET", "/_scripts/{id}", (r, _) => ValueTask.FromResult(Get(r.Route("id"))));
        router.Add("DELETE", "/_scripts/{id}", DeleteAsync);
    }

    private async ValueTask<RestResponse> PutAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var id = request.Route("id");
        var body = RestJson.RequiredObject(request);
        if (body.FirstOrDefault(p => p.Key != "script") is { Key: { } unknown })
        {
            throw new StoreException(400, "x_content_parse_exception", "[script] unknown field [" + unknown + "]");
        }

        var script = body["script"] as JsonObject ?? throw StoreException.IllegalArgument("must specify a script");
        string? lang = null, source = null;
        foreach (var (key, value) in script)
        {
            switch (key)
            {
                case "lang":
                    lang = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw StoreException.Parsing("[script] lang doesn't support values of type: " + value?.GetValueKind());
                    break;
                case "source" or "code":
                    source = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>()
                        : value is JsonObject template ? template.ToJsonString() : throw StoreException.Parsing("[script] source doesn't support values of type: " + value?.GetValueKind());
                    break;
                case "options" when value is JsonObject { Count: 0 }:
                    break;
                default:
                    throw new StoreException(400, "x_content_parse_exception", "[script] unknown field [" + key + "]");
            }
        }

        if (lang is null)
        {
            throw StoreException.IllegalArgument("must specify lang for stored script");
        }

        if (string.IsNullOrEmpty(source))
        {
            throw StoreException.IllegalArgument("must specify source for stored script");
        }

        ScriptDefinition.CheckLang(lang);
        ScriptDefinition.Compile(source, null);
        var position = store.Catalog.SaveScript(id, source);
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Ok(new JsonObject { ["acknowledged"] = true });
    }

    private RestResponse Get(string id) => store.Scripts.Find(id) is { } source
        ? RestResponse.Ok(new JsonObject
        {
            ["_id"] = id,
            ["found"] = true,
            ["script"] = new JsonObject { ["lang"] = "painless", ["source"] = source },
        })
        : RestResponse.Json(404, new JsonObject { ["_id"] = id, ["found"] = false });

    private async ValueTask<RestResponse> DeleteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var id = request.Route("id");
        if (store.Scripts.Find(id) is null)
        {
            return ErrorRenderer.Render(new StoreError(404, "resource_not_found_exception", "stored script [" + id + "] does not exist"));
        }

        var position = store.Catalog.SaveScript(id, null);
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Ok(new JsonObject { ["acknowledged"] = true });
    }
}
