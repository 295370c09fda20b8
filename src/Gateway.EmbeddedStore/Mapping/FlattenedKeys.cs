using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// The keyed sub-fields of <c>flattened</c> fields (<c>labels.release</c> of a flattened <c>labels</c>): keyword
/// fields with no mapping entry, found through the flattened field that holds them.
/// </summary>
internal static class FlattenedKeys
{
    /// <summary>The keyed sub-field at <paramref name="path"/>, when a flattened field of <paramref name="mapping"/> holds it.</summary>
    public static FieldMapping? Find(IndexMapping mapping, string path)
    {
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (mapping.Find(path[..dot]) is { Encoding: KeywordEncoding.Flattened } root)
            {
                return For(root, path);
            }
        }

        return null;
    }

    /// <summary>The keyed sub-field <paramref name="path"/> of the flattened field <paramref name="root"/>.</summary>
    public static FieldMapping For(FieldMapping root, string path) => new()
    {
        Path = path,
        Kind = FieldKind.Keyword,
        Definition = new JsonObject { ["type"] = "flattened" },
        Encoding = KeywordEncoding.FlattenedKey,
        IgnoreAbove = root.IgnoreAbove,
    };
}
