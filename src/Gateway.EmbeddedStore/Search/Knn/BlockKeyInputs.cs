namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>What <see cref="ResidualQuery.BlockKeys"/> needs besides the codes: per chunk and per partition.</summary>
internal readonly record struct BlockKeyInputs(float CentroidDot, bool L2, float[] SquaredNorms, float Margin, float SeedThreshold, float Floor);
