namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>One measured line of the encoder benchmark.</summary>
internal sealed record BenchRow(string What, string Batch, double SecondsPerRun, double ItemsPerSecond, double Gflops);
