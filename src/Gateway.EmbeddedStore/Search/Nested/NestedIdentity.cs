using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Nested;

/// <summary>
/// Where a nested object sits in its root document, as Elasticsearch's <c>_nested</c> renders it: the nested field
/// (relative to the level above), the object's offset in that field's array, and the identity one level down.
/// </summary>
internal sealed record NestedIdentity(string Field, int Offset, NestedIdentity? Child)
{
    /// <summary>This identity with <paramref name="deeper"/> appended at its innermost level.</summary>
    public NestedIdentity Append(NestedIdentity deeper) => this with { Child = Child is null ? deeper : Child.Append(deeper) };

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["field"] = Field, ["offset"] = Offset };
        if (Child is not null)
        {
            json["_nested"] = Child.ToJson();
        }

        return json;
    }
}
