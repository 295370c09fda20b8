namespace Gateway.EmbeddedStore.Search.Cursors;

/// <summary>An open point in time: the indices it was opened on, each pinned to its snapshot at that moment.</summary>
internal sealed record PointInTime(string Id, IReadOnlyList<SearchTarget> Targets);
