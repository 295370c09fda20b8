namespace Gateway.Benchmarks;

/// <summary>A closed-loop load generator running in its own process.</summary>
internal interface ILoadTool
{
    string Name { get; }

    Task<LoadResult> RunAsync(Uri target, Workload workload, int concurrency, TimeSpan duration);
}
