using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Cluster;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>GET|PUT /_cluster/settings</c>: the persistent and transient cluster settings (<see cref="ClusterSettings"/>),
/// nested or with <c>flat_settings</c>, and with <c>include_defaults</c> the defaults of the settings the store reads.
/// </summary>
internal sealed class ClusterSettingsEndpoints(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add("GET", "/_cluster/settings", (r, _) => ValueTask.FromResult(Get(r)));
        router.Add("PUT", "/_cluster/settings", PutAsync);
    }

    private RestResponse Get(RestRequest request)
    {
        UrlParameters.Check(request, "flat_settings", "include_defaults", "master_timeout", "timeout", "local");
        var flat = request.Flag("flat_settings", false);
        var settings = store.ClusterSettings;
        var result = new JsonObject
        {
            ["persistent"] = IndexSettings.Render(settings.Persistent, flat),
            ["transient"] = IndexSettings.Render(settings.Transient, flat),
        };
        if (request.Flag("include_defaults", false))
        {
            result["defaults"] = IndexSettings.Render(settings.Defaults, flat);
        }

        return RestResponse.Ok(result);
    }

    private async ValueTask<RestResponse> PutAsync(RestRequest request, CancellationToken cancellationToken)
    {
        UrlParameters.Check(request, "flat_settings", "master_timeout", "timeout");
        var body = RestJson.RequiredObject(request);
        IReadOnlyDictionary<string, string?> persistent = new Dictionary<string, string?>();
        IReadOnlyDictionary<string, string?> transient = new Dictionary<string, string?>();
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "persistent":
                    persistent = Flatten(value, key);
                    break;
                case "transient":
                    transient = Flatten(value, key);
                    break;
                default:
                    throw new StoreException(400, "x_content_parse_exception", "[cluster_update_settings_request] unknown field [" + key + "]");
            }
        }

        if (persistent.Count == 0 && transient.Count == 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: no settings to update;");
        }

        var (applied, position) = store.Catalog.UpdateClusterSettings(persistent, transient);
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        var flat = request.Flag("flat_settings", false);
        return RestResponse.Ok(new JsonObject
        {
            ["acknowledged"] = true,
            ["persistent"] = IndexSettings.Render(Set(applied.Persistent), flat),
            ["transient"] = IndexSettings.Render(Set(applied.Transient), flat),
        });
    }

    private static IReadOnlyDictionary<string, string?> Flatten(JsonNode? node, string scope) => node switch
    {
        null => new Dictionary<string, string?>(),
        JsonObject obj => IndexSettings.FlattenUpdate(obj, qualify: false),
        _ => throw new StoreException(400, "x_content_parse_exception",
            "[cluster_update_settings_request] " + scope + " doesn't support values of type: " + node.GetValueKind().ToString().ToUpperInvariant()),
    };

    private static SortedDictionary<string, string> Set(IReadOnlyDictionary<string, string?> applied) =>
        new(applied.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!), StringComparer.Ordinal);
}
