namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>How an <see cref="IntervalCombineSource"/> arranges its sources.</summary>
internal enum IntervalCombineMode
{
    /// <summary>In order, each right after the previous one (Lucene's <c>phrase</c>).</summary>
    Phrase,

    /// <summary>In order, not overlapping (Lucene's <c>ordered</c>).</summary>
    Ordered,

    /// <summary>In any order, possibly overlapping (Lucene's <c>unordered</c>).</summary>
    Unordered,
}
