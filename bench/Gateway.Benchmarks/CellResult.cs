namespace Gateway.Benchmarks;

/// <summary>
/// One timed run: the load result plus CPU time per request spent by the upstream process and by the proxy process
/// (null when the run used no proxy, or when upstream and gateway are one process and the upstream figure is both).
/// </summary>
internal sealed record CellResult(LoadResult Load, double UpstreamCpuMicroseconds, double? ProxyCpuMicroseconds);
