using System.Globalization;

namespace Gateway.Benchmarks;

/// <summary>
/// Passthrough overhead with every part in its own process on loopback: an upstream (the trivial fixed one, or the
/// embedded store doing a real <c>_search</c>), the real gateway host (<c>Gateway.dll</c>, shipped settings) in front
/// of it, and the load generator (wrk). For each concurrency the same workload runs against the upstream directly
/// and through the gateway, alternating run by run (direct, gateway, direct, gateway…), so both see the same
/// machine; figures are medians over rounds, ratios and added latencies are taken per round (side by side).
/// </summary>
internal sealed class PassthroughBenchmark(ILoadTool load, int seconds, int rounds, IReadOnlyList<int> concurrencies, int documents, int warmupSeconds, IReadOnlyDictionary<string, string> gatewayEnvironment)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task RunAsync(string upstreamKind, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("gateway-bench-");
        try
        {
            var self = typeof(PassthroughBenchmark).Assembly.Location;
            var binaries = Path.GetDirectoryName(self)!;
            var upstreamUrl = FreePort.NextLoopbackUrl();
            string[] upstreamArgs = upstreamKind == "store"
                ? [self, "upstream-store", "--url", upstreamUrl.ToString(), "--data", Path.Combine(data.FullName, "upstream")]
                : [self, "upstream-fixed", "--url", upstreamUrl.ToString()];
            using var upstream = await ChildProcess.StartAsync("upstream", upstreamUrl, binaries, upstreamArgs);
            Workload workload;
            if (upstreamKind == "store")
            {
                await StoreUpstream.SeedAsync(upstreamUrl, documents);
                workload = new Workload($"embedded store, real _search over {documents} docs", "/photos/_search", StoreUpstream.SearchBody);
            }
            else
            {
                workload = new Workload("fixed 1 KB response", "/photos/_search", """{"query":{"bool":{"filter":[{"term":{"predicted_peaks":"ama_dablam"}},{"range":{"shot_time":{"gte":"2024-10-01"}}}]}},"size":3}""");
            }

            var gatewayUrl = FreePort.NextLoopbackUrl();
            using var gateway = await ChildProcess.StartAsync("gateway", gatewayUrl, binaries,
            [
                Path.Combine(binaries, "Gateway.dll"),
                "--urls", gatewayUrl.ToString().TrimEnd('/'),
                "--Gateway:Upstream", upstreamUrl.ToString(),
                "--Embeddings:ModelDirectory", Path.Combine(data.FullName, "no-model"),
                "--Embeddings:Download:AutoDownload", "false",
                "--EmbeddedStore:DataPath", Path.Combine(data.FullName, "gateway-store"),
            ], new Dictionary<string, string>(gatewayEnvironment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

            // Warm both paths up before anything is recorded (connection pools, the store's caches, and JIT: the
            // gateway's tiered compilation thread is still busy for tens of seconds under load on two shared cores).
            await load.RunAsync(upstream.Address, workload, concurrencies.Max(), TimeSpan.FromSeconds(Math.Max(1, warmupSeconds / 4)));
            await load.RunAsync(gateway.Address, workload, concurrencies.Max(), TimeSpan.FromSeconds(warmupSeconds));

            var results = new Dictionary<(int Concurrency, bool ThroughGateway), List<CellResult>>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var c in concurrencies)
                {
                    foreach (var throughGateway in new[] { false, true })
                    {
                        var result = await MeasureAsync(upstream, gateway, throughGateway ? gateway.Address : upstream.Address, workload, c);
                        (results.TryGetValue((c, throughGateway), out var list) ? list : results[(c, throughGateway)] = []).Add(result);
                    }
                }
            }

            Print(output, workload, results);
        }
        finally
        {
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private async Task<CellResult> MeasureAsync(ChildProcess upstream, ChildProcess gateway, Uri target, Workload workload, int concurrency)
    {
        var upstreamBefore = upstream.CpuTime;
        var gatewayBefore = gateway.CpuTime;
        var result = await load.RunAsync(target, workload, concurrency, TimeSpan.FromSeconds(seconds));
        var requests = Math.Max(1, result.Requests);
        return new CellResult(
            result,
            (upstream.CpuTime - upstreamBefore).TotalMicroseconds / requests,
            (gateway.CpuTime - gatewayBefore).TotalMicroseconds / requests);
    }

    private void Print(TextWriter output, Workload workload, Dictionary<(int Concurrency, bool ThroughGateway), List<CellResult>> results)
    {
        output.WriteLine();
        output.WriteLine($"upstream: {workload.Name}; load: {load.Name}; {Environment.ProcessorCount} cores; {rounds} rounds × {seconds} s per cell; medians"
            + (gatewayEnvironment.Count > 0 ? "; gateway environment: " + string.Join(' ', gatewayEnvironment.Select(e => $"{e.Key}={e.Value}")) : ""));
        output.WriteLine();
        output.WriteLine("| concurrency | path | req/s | p50 ms | p99 ms | upstream CPU µs/req | gateway CPU µs/req |");
        output.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in concurrencies)
        {
            var direct = results[(c, false)];
            var proxied = results[(c, true)];
            output.WriteLine(Row(c, "direct", direct));
            output.WriteLine(Row(c, "gateway", proxied));
            var pairs = direct.Zip(proxied).ToList();
            output.WriteLine(string.Format(Invariant, "| {0} | **gateway / direct** | **{1:P1}** | **{2:+0.000;-0.000;0.000}** | **{3:+0.000;-0.000;0.000}** | | |", c,
                Median.Of(pairs.Select(p => p.Second.Load.RequestsPerSecond / p.First.Load.RequestsPerSecond)),
                Median.Of(pairs.Select(p => p.Second.Load.P50 - p.First.Load.P50)),
                Median.Of(pairs.Select(p => p.Second.Load.P99 - p.First.Load.P99))));
        }
    }

    private static string Row(int concurrency, string path, List<CellResult> runs) => string.Format(Invariant,
        "| {0} | {1} | {2:F0} | {3:F3} | {4:F3} | {5:F0} | {6:F0} |",
        concurrency, path,
        Median.Of(runs.Select(r => r.Load.RequestsPerSecond)), Median.Of(runs.Select(r => r.Load.P50)), Median.Of(runs.Select(r => r.Load.P99)),
        Median.Of(runs.Select(r => r.UpstreamCpuMicroseconds)), Median.Of(runs.Select(r => r.GatewayCpuMicroseconds)));
}
