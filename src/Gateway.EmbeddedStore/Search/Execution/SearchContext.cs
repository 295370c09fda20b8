using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Everything a query needs while it runs on one index snapshot.</summary>
internal sealed class SearchContext
{
    public SearchContext(string indexName, IndexMapping mapping, ShardSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IndexName = indexName;
        Mapping = mapping;
        Snapshot = snapshot;
        Now = now;
        CancellationToken = cancellationToken;
    }

    public string IndexName { get; }

    public IndexMapping Mapping { get; }

    public ShardSnapshot Snapshot { get; }

    public DateTimeOffset Now { get; }

    public CancellationToken CancellationToken { get; }

    public int MaxDoc => Snapshot.MaxDoc;

    public FieldMapping? Field(string path) => Mapping.Find(path) ?? Snapshot.Mapping.Find(path);
}
