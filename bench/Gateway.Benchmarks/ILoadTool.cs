namespace Gateway.Benchmarks;

/// <summary>A closed-loop load generator running in its own process.</summary>
internal interface ILoadTool
{
    string Name { get; }

    /// <summary>Runs the load for <paramref name="duration"/>; <paramref name="cpus"/> pins the generator (null: not pinned).</summary>
    Task<LoadResult> RunAsync(Uri target, Workload workload, int concurrency, TimeSpan duration, string? cpus);
}
