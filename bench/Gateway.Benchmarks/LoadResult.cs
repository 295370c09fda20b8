namespace Gateway.Benchmarks;

/// <summary>Requests per second and latency percentiles (ms) of one load run.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50, double P99, int Requests);
