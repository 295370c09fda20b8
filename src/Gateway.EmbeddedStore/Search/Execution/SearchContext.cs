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
    private Dictionary<string, SearchContext>? _nested;
    private Explain.QueryExplainer? _explainer;

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

    /// <summary>The index's <c>index.max_rescore_window</c>: the largest <c>window_size</c> a rescorer may have.</summary>
    public int MaxRescoreWindow { get; init; } = SearchRequestParser.MaxResultWindow;

    /// <summary>The index's <c>index.max_inner_result_window</c>: the largest from + size of a <c>top_hits</c> aggregation.</summary>
    public int MaxInnerResultWindow { get; init; } = IndexLimits.DefaultMaxInnerResultWindow;

    /// <summary>The index's <c>index.top_metrics_max_size</c>: the largest <c>size</c> of a <c>top_metrics</c> aggregation.</summary>
    public int TopMetricsMaxSize { get; init; } = 10;

    /// <summary>The index's <c>index.max_docvalue_fields_search</c>: the most <c>docvalue_fields</c> a search may ask for.</summary>
    public int MaxDocvalueFieldsSearch { get; init; } = IndexLimits.DefaultMaxDocvalueFieldsSearch;

    /// <summary>What named queries (<c>_name</c>) matched here, by clause: recorded where a clause's result depends on its place (kNN), else computed when hits are fetched.</summary>
    public Dictionary<object, DocResult> NamedResults { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The nested documents this context searches, or null when it searches the root documents.</summary>
    public Nested.NestedDocs? Level { get; private init; }

    /// <summary>The context whose documents hold this one's (null at the root).</summary>
    public SearchContext? Parent { get; private init; }

    /// <summary>The <c>inner_hits</c> sources (nested queries, collapse) that ran in this context, in the order they ran.</summary>
    public List<InnerHits.IInnerHitsSource> InnerHits { get; } = [];

    /// <summary>Set while a nested query finds its inner hits: a kNN query here scores every object, not one per parent.</summary>
    public bool ExactNestedKnn { get; set; }

    /// <summary>The objects whose parents passed the filters around the running nested query: a kNN query here is pre-filtered by them.</summary>
    public Index.DocBits? KnnPreFilter { get; set; }

    /// <summary>Whether a kNN query kept one object per parent here (so inner hits must run the query again, exactly).</summary>
    public bool UsedNestedKnn { get; set; }

    /// <summary>The context searching the hidden documents of <paramref name="docs"/> (one per path, disposed with this one).</summary>
    public SearchContext Nested(Nested.NestedDocs docs)
    {
        _nested ??= new Dictionary<string, SearchContext>(StringComparer.Ordinal);
        if (!_nested.TryGetValue(docs.Path, out var child))
        {
            child = new SearchContext(IndexName, Mapping, docs.Snapshot, Now, CancellationToken)
            {
                ExcludeSourceVectors = ExcludeSourceVectors,
                MaxTermsCount = MaxTermsCount,
                MaxRegexLength = MaxRegexLength,
                MaxRescoreWindow = MaxRescoreWindow,
                MaxInnerResultWindow = MaxInnerResultWindow,
                MaxDocvalueFieldsSearch = MaxDocvalueFieldsSearch,
                TopMetricsMaxSize = TopMetricsMaxSize,
                Level = docs,
                Parent = this,
            };
            _nested[docs.Path] = child;
        }

        return child;
    }

    /// <summary>Explains this context's documents (hits of a search with <c>explain</c>), keeping each clause's results.</summary>
    public Explain.QueryExplainer Explainer => _explainer ??= new Explain.QueryExplainer(this);

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
        foreach (var child in _nested?.Values ?? Enumerable.Empty<SearchContext>())
        {
            child.Dispose();
        }

        _nested = null;
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
