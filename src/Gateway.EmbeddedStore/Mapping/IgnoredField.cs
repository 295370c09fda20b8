using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// The <c>_ignored</c> metadata field: the paths of a document's fields that had a value left out of the index (a
/// malformed value of an <c>ignore_malformed</c> field, a keyword longer than <c>ignore_above</c>). It is a keyword
/// field every search can query (<c>exists</c>, <c>term</c>, <c>terms</c>), aggregate on and fetch; hits show it.
/// </summary>
internal static class IgnoredField
{
    public const string Path = "_ignored";

    public static FieldMapping Mapping { get; } = new()
    {
        Path = Path,
        Kind = FieldKind.Keyword,
        Definition = new JsonObject { ["type"] = "keyword" },
    };
}
