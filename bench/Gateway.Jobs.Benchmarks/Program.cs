namespace Gateway.Jobs.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Gateway.Jobs.Benchmarks -- [photos-dir] [rounds] [model-dir|test] [chunk sizes, e.g. 200,4,1] [fp32|int8]</c>:
/// one gateway indexing a folder through its jobs (full reindex: a coordinator plus chunk jobs) with InMemory and with
/// PostgreSQL job storage, side by side, and the coordination cost per chunk. PostgreSQL comes from
/// <c>GATEWAY_BENCH_POSTGRES</c> or <c>GATEWAY_TEST_POSTGRES</c> (the connection string <c>.ci/run</c> sets up).
/// </summary>
internal static class JobsBenchmarkProgram
{
    public static Task<int> Main(string[] args) => JobsBenchmark.RunAsync(args);
}
