namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Work done by one <see cref="CoarseToFineScan"/>: two-bit estimates, int8 seeds, int8 re-scores.</summary>
internal readonly record struct CoarseToFineStats(int Estimated, int Seeded, int Rescored);
