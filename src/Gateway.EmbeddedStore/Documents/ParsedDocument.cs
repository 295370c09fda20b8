using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// A document as stored: its source, its version metadata and its field values parsed against
/// the index mapping (by full dotted path, multi-fields included). Immutable once built.
/// </summary>
public sealed class ParsedDocument
{
    public required string Id { get; init; }

    /// <summary>The _source exactly as indexed. Never mutated after parsing.</summary>
    public required JsonObject Source { get; init; }

    public required long Version { get; init; }

    public required long SeqNo { get; init; }

    public required long PrimaryTerm { get; init; }

    public required IReadOnlyDictionary<string, FieldValues> Fields { get; init; }
}
