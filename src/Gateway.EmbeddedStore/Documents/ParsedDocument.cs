using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// A document as stored: its source, its version metadata and its field values parsed against
/// the index mapping (by full dotted path, multi-fields included). Immutable once built.
/// </summary>
internal sealed class ParsedDocument
{
    private ReadOnlyMemory<byte> _sourceBytes;
    private JsonObject? _source;

    public required string Id { get; init; }

    /// <summary>
    /// The _source exactly as indexed. Never mutated after parsing. Built from
    /// <see cref="SourceBytes"/> on first use (most documents are never rendered as a hit, and
    /// a DOM of a 768-float vector costs more memory than its text).
    /// </summary>
    public JsonObject Source
    {
        get
        {
            if (_source is { } source)
            {
                return source;
            }

            // A racing second parse builds an equal object; either one may win.
            var parsed = _sourceBytes.IsEmpty ? [] : JsonNode.Parse(_sourceBytes.Span)!.AsObject();
            Interlocked.CompareExchange(ref _source, parsed, null);
            return _source!;
        }

        init => _source = value;
    }

    /// <summary>The _source as UTF-8 JSON, when the document was built from bytes.</summary>
    public ReadOnlyMemory<byte> SourceBytes
    {
        get => _sourceBytes;
        init => _sourceBytes = value;
    }

    public required long Version { get; init; }

    public required long SeqNo { get; init; }

    public required long PrimaryTerm { get; init; }

    public required IReadOnlyDictionary<string, FieldValues> Fields { get; init; }

    /// <summary>The custom routing the document was indexed with (<c>_routing</c> in hits); null for none.</summary>
    public string? Routing { get; init; }
}
