using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Search.Knn;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>A search request after the body and the URL parameters were merged and validated.</summary>
internal sealed class SearchRequest
{
    public QueryNode? Query { get; set; }

    public QueryNode? PostFilter { get; set; }

    public List<KnnSearch> Knn { get; } = [];

    /// <summary>The raw top-level <c>knn</c> element, parsed after <c>size</c> is known.</summary>
    public JsonNode? KnnBody { get; set; }

    public int From { get; set; }

    public int Size { get; set; } = 10;

    public List<SortSpec>? Sort { get; set; }

    public SourceFilter Source { get; set; } = SourceFilter.All;

    /// <summary>Whether <c>_source</c> was given in the body or URL.</summary>
    public bool SourceExplicit { get; set; }

    public List<string>? StoredFields { get; set; }

    /// <summary>Hits are counted exactly up to this many; <see cref="int.MaxValue"/> = always exact; -1 = not at all.</summary>
    public int TrackTotalHitsUpTo { get; set; } = 10_000;

    public bool TrackScores { get; set; }

    public float? MinScore { get; set; }

    public JsonObject? Aggregations { get; set; }

    public List<FieldAndFormat> Fields { get; } = [];

    public List<FieldAndFormat> DocValueFields { get; } = [];

    /// <summary><c>script_fields</c>: values computed by scripts, rendered under each hit's <c>fields</c>.</summary>
    public List<Scripts.ScriptField> ScriptFields { get; } = [];

    public bool Version { get; set; }

    /// <summary><c>explain</c>: each hit carries <c>_explanation</c> (with <c>_shard</c> and <c>_node</c>).</summary>
    public bool Explain { get; set; }

    public bool SeqNoPrimaryTerm { get; set; }

    public bool RestTotalHitsAsInt { get; set; }

    public bool TypedKeys { get; set; }

    public JsonArray? SearchAfter { get; set; }

    public int? TerminateAfter { get; set; }

    /// <summary>Whether the body set <c>track_total_hits</c>.</summary>
    public bool TrackTotalHitsExplicit { get; set; }

    public Highlight.HighlightSpec? Highlight { get; set; }

    /// <summary><c>collapse</c>: one hit per value of a field.</summary>
    public Collapse.CollapseSpec? Collapse { get; set; }

    /// <summary>Whether this request holds an <c>inner_hits</c> definition's options (its hits do not expand collapse again).</summary>
    public bool IsInnerHits { get; set; }

    /// <summary>Whether this request holds a <c>top_hits</c> aggregation's options (its hits show no inner hits).</summary>
    public bool IsTopHits { get; set; }

    /// <summary>The named clauses (<c>_name</c>) of the query, the post filter, the kNN sections and the rescore queries, reported in <c>matched_queries</c>.</summary>
    public IReadOnlyList<NamedQuery> NamedQueries { get; set; } = [];

    /// <summary><c>include_named_queries_score</c>: <c>matched_queries</c> maps each name to its clause's score.</summary>
    public bool IncludeNamedQueriesScore { get; set; }

    /// <summary><c>rescore</c>: the rescorers, applied in order to the top of the hits.</summary>
    public List<Rescorer> Rescore { get; } = [];

    /// <summary><c>indices_boost</c>: index name or pattern → score multiplier, first match wins.</summary>
    public IReadOnlyList<(string Index, float Boost)>? IndicesBoost { get; set; }
}
