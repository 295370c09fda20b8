namespace Gateway.Benchmarks;

/// <summary>Requests per second and latency percentiles (ms) of one load run.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50, double P99, int Requests)
{
    /// <summary>Averages repeated runs (rates and percentiles alike) to smooth out noise from other processes.</summary>
    public static LoadResult Mean(IReadOnlyList<LoadResult> runs) => new(
        runs.Average(r => r.RequestsPerSecond), runs.Average(r => r.P50), runs.Average(r => r.P99), runs.Sum(r => r.Requests));
}
