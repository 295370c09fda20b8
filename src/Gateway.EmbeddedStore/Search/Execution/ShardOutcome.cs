using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>The documents one index contributes to a search, before paging.</summary>
internal sealed class ShardOutcome
{
    public ShardOutcome(int shardIndex, SearchContext context, DocBits aggregationDocs, DocBits hitDocs, Func<int, float> score)
    {
        ShardIndex = shardIndex;
        Context = context;
        AggregationDocs = aggregationDocs;
        HitDocs = hitDocs;
        Score = score;
    }

    public int ShardIndex { get; }

    public SearchContext Context { get; }

    /// <summary>Matches before <c>post_filter</c>: what aggregations see.</summary>
    public DocBits AggregationDocs { get; }

    /// <summary>Matches after <c>post_filter</c>: what hits and the total count see.</summary>
    public DocBits HitDocs { get; }

    public Func<int, float> Score { get; }

    /// <summary>The only documents that may be hits, when rescoring kept this index's top window (null: every hit document).</summary>
    public DocBits? Ranked { get; init; }

    /// <summary>The documents hits are drawn from: <see cref="Ranked"/> when set, else <see cref="HitDocs"/>.</summary>
    public DocBits Candidates => Ranked ?? HitDocs;
}
