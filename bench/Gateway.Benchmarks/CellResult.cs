namespace Gateway.Benchmarks;

/// <summary>One timed run: the load result plus CPU time per request spent by the upstream and by the gateway process.</summary>
internal sealed record CellResult(LoadResult Load, double UpstreamCpuMicroseconds, double GatewayCpuMicroseconds);
