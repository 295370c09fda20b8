using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>One alias on one index, as <c>_aliases</c> actions and index creation define it.</summary>
internal sealed record AliasMetadata(string Name, JsonObject? Filter, bool? IsWriteIndex, string? IndexRouting, string? SearchRouting, bool? IsHidden)
{
    public JsonObject ToJson()
    {
        var result = new JsonObject();
        if (Filter is not null)
        {
            result["filter"] = Filter.DeepClone();
        }

        if (IndexRouting is not null)
        {
            result["index_routing"] = IndexRouting;
        }

        if (SearchRouting is not null)
        {
            result["search_routing"] = SearchRouting;
        }

        if (IsWriteIndex is not null)
        {
            result["is_write_index"] = IsWriteIndex.Value;
        }

        if (IsHidden is not null)
        {
            result["is_hidden"] = IsHidden.Value;
        }

        return result;
    }
}
