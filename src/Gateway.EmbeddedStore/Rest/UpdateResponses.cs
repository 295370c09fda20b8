using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>The <c>get</c> section of update answers, present when <c>_source</c> was requested.</summary>
internal static class UpdateResponses
{
    /// <summary>
    /// Resolves the requested source spec: the update body's <c>_source</c> wins, then the bulk
    /// metadata's, then the URL parameter. Null when the source was not requested.
    /// </summary>
    public static SourceSpec? Requested(JsonObject body, JsonNode? metadataSource, RestRequest request)
    {
        var node = body["_source"] ?? metadataSource;
        if (node is not null)
        {
            return SourceSpec.All.With(new JsonObject { ["_source"] = node.DeepClone() });
        }

        return request.Param("_source") is not null || request.Param("_source_includes") is not null || request.Param("_source_excludes") is not null
            ? SourceSpec.FromQuery(request)
            : null;
    }

    public static void AddGet(JsonObject response, DocumentUpdater.UpdateResult result, SourceSpec? spec)
    {
        if (spec is not { Fetch: true } || result.Source is null)
        {
            return;
        }

        response["get"] = new JsonObject
        {
            ["_seq_no"] = result.Outcome.SeqNo,
            ["_primary_term"] = result.Outcome.PrimaryTerm,
            ["found"] = true,
            ["_source"] = spec.Render(result.Source, result.Outcome.Index),
        };
    }
}
