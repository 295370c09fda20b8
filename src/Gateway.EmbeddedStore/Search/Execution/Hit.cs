namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>A selected hit: which index (outcome), which document, its score and sort keys.</summary>
internal sealed record Hit(ShardOutcome Outcome, int Ord, float Score, SortKey[]? SortKeys);
