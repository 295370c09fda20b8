using Gateway.EmbeddedStore.Documents;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// The live version of one document id: the parsed document with its source bytes, or a
/// tombstone (deleted) that keeps the version so a later write continues from it.
/// </summary>
internal sealed class DocEntry
{
    public DocEntry(ParsedDocument? document, byte[]? source, long version, long seqNo, long primaryTerm, string? routing = null)
    {
        Routing = routing;
        Document = document;
        Source = source;
        Version = version;
        SeqNo = seqNo;
        PrimaryTerm = primaryTerm;
    }

    public ParsedDocument? Document { get; }

    /// <summary>The source exactly as indexed (UTF-8 JSON); null for a tombstone.</summary>
    public byte[]? Source { get; }

    public long Version { get; }

    public long SeqNo { get; }

    public long PrimaryTerm { get; }

    /// <summary>The custom routing the document was indexed with (<c>_routing</c>); null for none.</summary>
    public string? Routing { get; }

    public bool Deleted => Document is null;
}
