using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>The shape of GET document answers (also mget entries).</summary>
internal static class GetResponses
{
    public static JsonObject Build(IndexState index, string id, DocEntry? entry, SourceSpec spec)
    {
        var result = new JsonObject { ["_index"] = index.Name, ["_id"] = id };
        if (entry is null || entry.Deleted)
        {
            result["found"] = false;
            return result;
        }

        result["_version"] = entry.Version;
        result["_seq_no"] = entry.SeqNo;
        result["_primary_term"] = entry.PrimaryTerm;
        if (entry.Routing is { } routing)
        {
            result["_routing"] = routing;
        }

        result["found"] = true;
        if (spec.Render(entry.Source!, index) is { } source)
        {
            result["_source"] = source;
        }

        if (spec.StoredFields is { Count: > 0 } stored
            && StoredFields.Render(index.Mapping.Compiled, JsonNode.Parse(entry.Source!)!.AsObject(), stored) is { Count: > 0 } fields)
        {
            result["fields"] = fields;
        }

        return result;
    }
}
