using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>Renders a <see cref="StoreError"/> (or a thrown <see cref="StoreException"/>) in Elasticsearch's error shape.</summary>
internal static class ErrorRenderer
{
    public static RestResponse Render(StoreException error) => Render(error.ToError());

    public static RestResponse Render(StoreError error) =>
        RestResponse.Json(error.Status, new JsonObject
        {
            ["error"] = Cause(error, includeRootCause: true),
            ["status"] = error.Status,
        });

    /// <summary>The error object alone, as used inside bulk items, by-query failures and mget/msearch entries.</summary>
    public static JsonObject Cause(StoreError error, bool includeRootCause)
    {
        var result = new JsonObject();
        if (includeRootCause)
        {
            var root = new JsonObject();
            Fill(root, RootCause(error), includeCausedBy: false);
            result["root_cause"] = new JsonArray(root);
        }

        Fill(result, error, includeCausedBy: true);
        return result;
    }

    // Elasticsearch reports a search phase failure's root cause as the shards' failure, not the wrapper.
    private static StoreError RootCause(StoreError error) =>
        error is { Type: "search_phase_execution_exception", CausedBy: { } cause } ? RootCause(cause) : error;

    private static void Fill(JsonObject target, StoreError error, bool includeCausedBy)
    {
        target["type"] = error.Type;
        target["reason"] = error.Reason;
        foreach (var (key, value) in error.Metadata)
        {
            target[key] = value;
        }

        foreach (var (key, value) in error.Details ?? [])
        {
            target[key] = value?.DeepClone();
        }

        if (error.Index is not null)
        {
            if (error.IndexUuid is not null)
            {
                target["index_uuid"] = error.IndexUuid;
            }

            target["index"] = error.Index;
        }

        if (includeCausedBy && error.CausedBy is not null)
        {
            var cause = new JsonObject();
            Fill(cause, error.CausedBy, includeCausedBy: true);
            target["caused_by"] = cause;
        }
    }
}
