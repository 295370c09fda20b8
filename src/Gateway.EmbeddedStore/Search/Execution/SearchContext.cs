using System.Buffers;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// Everything a query needs while it runs on one index snapshot, and the per-document scratch arrays (scores,
/// match counts) its clauses fill: rented from the shared pool and returned when the search is done
/// (<see cref="Dispose"/>). Allocated fresh, each array of a 30,000-document index is 120 KB on the large object
/// heap, three of them per scored search, and the gen-2 collections they forced made the p99 of such searches
/// 15–20 × their median.
/// </summary>
internal sealed class SearchContext : IDisposable
{
    private List<float[]>? _floats;
    private List<int[]>? _ints;

    public SearchContext(string indexName, IndexMapping mapping, ShardSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IndexName = indexName;
        Mapping = mapping;
        Snapshot = snapshot;
        Now = now;
        CancellationToken = cancellationToken;
    }

    public string IndexName { get; }

    /// <summary>Whether hits leave dense_vector values out of <c>_source</c> unless the request asks for them.</summary>
    public bool ExcludeSourceVectors { get; init; }

    public IndexMapping Mapping { get; }

    public ShardSnapshot Snapshot { get; }

    public DateTimeOffset Now { get; }

    public CancellationToken CancellationToken { get; }

    public int MaxDoc => Snapshot.MaxDoc;

    /// <summary>The index's <c>index.max_terms_count</c>: the most values a <c>terms</c> query may hold.</summary>
    public int MaxTermsCount { get; init; } = IndexLimits.DefaultMaxTermsCount;

    /// <summary>The index's <c>index.max_regex_length</c>: the longest pattern a <c>regexp</c> query may have.</summary>
    public int MaxRegexLength { get; init; } = IndexLimits.DefaultMaxRegexLength;

    public FieldMapping? Field(string path) => Mapping.Find(path) ?? Snapshot.Mapping.Find(path) ?? (path == IgnoredField.Path ? IgnoredField.Mapping : null) ?? FlattenedKeys.Find(Mapping, path);

    /// <summary>A zeroed array of at least <see cref="MaxDoc"/> scores, valid until the search is disposed.</summary>
    public float[] Scores() => Rent(ref _floats);

    /// <summary>A zeroed array of at least <see cref="MaxDoc"/> counters, valid until the search is disposed.</summary>
    public int[] Counts() => Rent(ref _ints);

    /// <summary>Returns the scratch arrays: nothing may read a <see cref="DocResult"/> of this search afterwards.</summary>
    public void Dispose()
    {
        Return(ref _floats);
        Return(ref _ints);
    }

    private T[] Rent<T>(ref List<T[]>? rented)
    {
        var array = ArrayPool<T>.Shared.Rent(MaxDoc);
        Array.Clear(array, 0, MaxDoc);
        (rented ??= []).Add(array);
        return array;
    }

    private static void Return<T>(ref List<T[]>? rented)
    {
        if (rented is null)
        {
            return;
        }

        foreach (var array in rented)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        rented = null;
    }
}
