using System.Collections.Concurrent;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search;

/// <summary>
/// An immutable point-in-time view of a shard as of one refresh. Per-field structures
/// (postings, doc values) are built lazily on first use and cached for the snapshot's life.
/// </summary>
internal sealed class ShardSnapshot
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _cache = new(StringComparer.Ordinal);

    public ShardSnapshot(ParsedDocument?[] docs, int maxDoc, DocBits live, int liveCount, IndexMapping mapping, IReadOnlyDictionary<string, VectorColumnView> vectors)
    {
        Docs = docs;
        MaxDoc = maxDoc;
        Live = live;
        LiveCount = liveCount;
        Mapping = mapping;
        Vectors = vectors;
    }

    public static ShardSnapshot Empty(IndexMapping mapping) =>
        new([], 0, new DocBits(0), 0, mapping, new Dictionary<string, VectorColumnView>());

    public ParsedDocument?[] Docs { get; }

    /// <summary>One past the highest ordinal in this view.</summary>
    public int MaxDoc { get; }

    /// <summary>Ordinals of live (not deleted or replaced) documents. Never mutate.</summary>
    public DocBits Live { get; }

    public int LiveCount { get; }

    public IndexMapping Mapping { get; }

    /// <summary>The field a name reads: a field alias's target, else the name itself.</summary>
    public string Resolve(string field) => Mapping.Aliases.TryGetValue(field, out var target) ? target : field;

    public IReadOnlyDictionary<string, VectorColumnView> Vectors { get; }

    public ParsedDocument Doc(int ord) => Docs[ord]!;

    /// <summary>A fresh copy of the live bits, for callers that narrow it.</summary>
    public DocBits AllLive() => Live.Clone();

    /// <summary>Returns (building once) a per-snapshot structure keyed by <paramref name="key"/>.</summary>
    public T GetOrBuild<T>(string key, Func<ShardSnapshot, T> build)
        where T : class
    {
        var lazy = _cache.GetOrAdd(key, _ => new Lazy<object>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }

    /// <summary>Ordinal of the live document with this id, or -1.</summary>
    public int FindId(string id)
    {
        var ids = GetOrBuild("__ids", s =>
        {
            var map = new Dictionary<string, int>(s.LiveCount, StringComparer.Ordinal);
            foreach (var ord in s.Live.Ordinals())
            {
                map[s.Doc(ord).Id] = ord;
            }

            return map;
        });
        return ids.TryGetValue(id, out var found) ? found : -1;
    }
}
