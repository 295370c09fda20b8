using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search;

/// <summary>
/// The searchable side of one index. The document store feeds it every change; changes become
/// visible to searches only after <see cref="Refresh"/> (Elasticsearch's near-real-time model).
/// Implementations are safe for concurrent writers and readers.
/// </summary>
internal interface ISearchShard
{
    /// <summary>Adds or replaces the document with this id (pending until the next refresh).</summary>
    void Upsert(ParsedDocument document);

    /// <summary>Removes the document with this id, if present (pending until the next refresh).</summary>
    void Delete(string id);

    /// <summary>Called when the mapping changes (new fields, dynamic mapping).</summary>
    void MappingChanged(IndexMapping mapping);

    /// <summary>Makes every pending change visible to searches.</summary>
    void Refresh();

    /// <summary>Number of documents visible to searches.</summary>
    long VisibleCount { get; }
}
