using System.Globalization;

namespace Gateway.Benchmarks;

/// <summary>
/// Passthrough overhead with every part in its own process on loopback: an upstream (the trivial fixed one, the
/// embedded store doing a real <c>_search</c> on its own, or the gateway's own embedded store reached through its
/// loopback listener), a bare YARP proxy and the real gateway host (<c>Gateway.dll</c>, shipped settings) in front of
/// it, and the load generator (wrk). For each concurrency the same workload runs against the upstream directly, through
/// bare YARP and through the gateway, alternating run by run, so all see the same machine; figures are medians over
/// rounds, ratios and added latencies are taken per round (side by side).
/// </summary>
internal sealed class PassthroughBenchmark(ILoadTool load, int seconds, int rounds, IReadOnlyList<int> concurrencies, int documents, int warmupSeconds, CpuPinning pinning, IReadOnlyDictionary<string, string> gatewayEnvironment, IReadOnlyDictionary<string, string> variantEnvironment)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Workload FixedWorkload = new("fixed 1 KB response", "/photos/_search", """{"query":{"bool":{"filter":[{"term":{"predicted_peaks":"ama_dablam"}},{"range":{"shot_time":{"gte":"2024-10-01"}}}]}},"size":3}""");

    public async Task RunAsync(string upstreamKind, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("gateway-bench-");
        var started = new List<ChildProcess>();
        try
        {
            var self = typeof(PassthroughBenchmark).Assembly.Location;
            var binaries = Path.GetDirectoryName(self)!;
            var upstreamUrl = FreePort.NextLoopbackUrl();
            var gatewayUrl = FreePort.NextLoopbackUrl();
            List<string> GatewayArguments(Uri url, string storeFolder) =>
            [
                Path.Combine(binaries, "Gateway.dll"),
                "--urls", url.ToString().TrimEnd('/'),
                "--Embeddings:ModelDirectory", Path.Combine(data.FullName, "no-model"),
                "--Embeddings:Download:AutoDownload", "false",
                "--EmbeddedStore:DataPath", Path.Combine(data.FullName, storeFolder),
            ];
            var gatewayArguments = GatewayArguments(gatewayUrl, "gateway-store");
            var gatewayEnv = new Dictionary<string, string>(gatewayEnvironment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
            ChildProcess upstream; // whose CPU time is the upstream's
            ChildProcess? bare = null;
            ChildProcess? variant = null;
            ChildProcess gateway;
            Workload workload;
            if (upstreamKind == "embedded")
            {
                // The default deployment: the gateway forwards to its own store in-process; "direct" is the same
                // store on its loopback listener (EmbeddedStore:ListenUrl) in the same process.
                gatewayArguments.AddRange(["--Upstream:Url", "embedded", "--EmbeddedStore:ListenUrl", upstreamUrl.ToString().TrimEnd('/'), "--EmbeddedStore:SyncOnWrite", "false"]);
                gateway = await Start("gateway", gatewayUrl, binaries, gatewayArguments, pinning.UpstreamCpus, gatewayEnv);
                upstream = gateway;
                await StoreUpstream.SeedAsync(upstreamUrl, documents);
                workload = new Workload($"the gateway's embedded store (in-process), real _search over {documents} docs; direct = its loopback listener", "/photos/_search", StoreUpstream.SearchBody);
            }
            else
            {
                string[] upstreamArgs = upstreamKind == "store"
                    ? [self, "upstream-store", "--url", upstreamUrl.ToString(), "--data", Path.Combine(data.FullName, "upstream")]
                    : [self, "upstream-fixed", "--url", upstreamUrl.ToString()];
                upstream = await Start("upstream", upstreamUrl, binaries, upstreamArgs, pinning.UpstreamCpus, null);
                if (upstreamKind == "store")
                {
                    await StoreUpstream.SeedAsync(upstreamUrl, documents);
                    workload = new Workload($"embedded store, real _search over {documents} docs", "/photos/_search", StoreUpstream.SearchBody);
                }
                else
                {
                    workload = FixedWorkload;
                }

                var bareUrl = FreePort.NextLoopbackUrl();
                bare = await Start("bare YARP", bareUrl, binaries, [self, "proxy-bare", "--url", bareUrl.ToString().TrimEnd('/'), "--upstream", upstreamUrl.ToString()], pinning.FrontCpus, null);
                gatewayArguments.AddRange(["--Upstream:Url", upstreamUrl.ToString()]);
                gateway = await Start("gateway", gatewayUrl, binaries, gatewayArguments, pinning.FrontCpus, gatewayEnv);
                if (variantEnvironment.Count > 0)
                {
                    var variantUrl = FreePort.NextLoopbackUrl();
                    var variantArguments = GatewayArguments(variantUrl, "variant-store");
                    variantArguments.AddRange(["--Upstream:Url", upstreamUrl.ToString()]);
                    var variantEnv = new Dictionary<string, string>(gatewayEnv);
                    foreach (var (name, value) in variantEnvironment)
                    {
                        variantEnv[name] = value;
                    }

                    variant = await Start("gateway variant", variantUrl, binaries, variantArguments, pinning.FrontCpus, variantEnv);
                }
            }

            var paths = new List<(ProxyPath Path, Uri Address, ChildProcess? Proxy)> { (ProxyPath.Direct, upstreamUrl, null) };
            if (bare is not null)
            {
                paths.Add((ProxyPath.BareYarp, bare.Address, bare));
            }

            paths.Add((ProxyPath.Gateway, gateway.Address, ReferenceEquals(gateway, upstream) ? null : gateway));
            if (variant is not null)
            {
                paths.Add((ProxyPath.GatewayVariant, variant.Address, variant));
            }

            // Warm every path up before anything is recorded (connection pools, the store's caches, and JIT: the
            // gateway's tiered compilation thread is still busy for tens of seconds under load on two shared cores).
            foreach (var path in paths)
            {
                await load.RunAsync(path.Address, workload, concurrencies.Max(), TimeSpan.FromSeconds(Math.Max(1, path.Path == ProxyPath.Direct ? warmupSeconds / 4 : warmupSeconds)), pinning.FrontCpus);
            }

            var results = new Dictionary<(int Concurrency, ProxyPath Path), List<CellResult>>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var c in concurrencies)
                {
                    foreach (var path in paths)
                    {
                        var result = await MeasureAsync(upstream, path.Proxy, path.Address, workload, c);
                        (results.TryGetValue((c, path.Path), out var list) ? list : results[(c, path.Path)] = []).Add(result);
                    }
                }
            }

            Print(output, workload, [.. paths.Select(p => p.Path)], results);
        }
        finally
        {
            foreach (var process in started)
            {
                process.Dispose();
            }

            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is cleaned by the OS eventually.
            }
        }

        async Task<ChildProcess> Start(string name, Uri address, string binaries, IEnumerable<string> arguments, string? cpus, IDictionary<string, string>? environment)
        {
            var process = await ChildProcess.StartAsync(name, address, binaries, arguments, cpus, environment);
            started.Add(process);
            return process;
        }
    }

    private async Task<CellResult> MeasureAsync(ChildProcess upstream, ChildProcess? proxy, Uri target, Workload workload, int concurrency)
    {
        var upstreamBefore = upstream.CpuTime;
        var proxyBefore = proxy?.CpuTime;
        var result = await load.RunAsync(target, workload, concurrency, TimeSpan.FromSeconds(seconds), pinning.FrontCpus);
        var requests = Math.Max(1, result.Requests);
        return new CellResult(
            result,
            (upstream.CpuTime - upstreamBefore).TotalMicroseconds / requests,
            proxy is null ? null : (proxy.CpuTime - proxyBefore!.Value).TotalMicroseconds / requests);
    }

    private void Print(TextWriter output, Workload workload, IReadOnlyList<ProxyPath> paths, Dictionary<(int Concurrency, ProxyPath Path), List<CellResult>> results)
    {
        output.WriteLine();
        output.WriteLine($"upstream: {workload.Name}; load: {load.Name}; {Environment.ProcessorCount} cores, {pinning.Describe()}; {rounds} rounds × {seconds} s per cell; medians"
            + (gatewayEnvironment.Count > 0 ? "; gateway environment: " + Describe(gatewayEnvironment) : "")
            + (variantEnvironment.Count > 0 ? "; gateway variant: " + Describe(variantEnvironment) : ""));
        output.WriteLine();
        output.WriteLine("| concurrency | path | req/s | p50 ms | p99 ms | upstream CPU µs/req | proxy CPU µs/req |");
        output.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in concurrencies)
        {
            foreach (var path in paths)
            {
                output.WriteLine(Row(c, Label(path), results[(c, path)]));
            }

            var direct = results[(c, ProxyPath.Direct)];
            foreach (var path in paths.Where(p => p != ProxyPath.Direct))
            {
                output.WriteLine(Ratio(c, $"{Label(path)} / direct", direct, results[(c, path)]));
            }

            if (paths.Contains(ProxyPath.BareYarp))
            {
                output.WriteLine(Ratio(c, "gateway / bare YARP", results[(c, ProxyPath.BareYarp)], results[(c, ProxyPath.Gateway)]));
            }

            if (paths.Contains(ProxyPath.GatewayVariant))
            {
                output.WriteLine(Ratio(c, "variant / gateway", results[(c, ProxyPath.Gateway)], results[(c, ProxyPath.GatewayVariant)]));
            }
        }
    }

    private static string Label(ProxyPath path) => path switch
    {
        ProxyPath.Direct => "direct",
        ProxyPath.BareYarp => "bare YARP",
        ProxyPath.GatewayVariant => "gateway variant",
        _ => "gateway",
    };

    private static string Describe(IReadOnlyDictionary<string, string> environment) => string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}"));

    private static string Ratio(int concurrency, string label, List<CellResult> baseline, List<CellResult> measured)
    {
        var pairs = baseline.Zip(measured).ToList();
        return string.Format(Invariant, "| {0} | **{1}** | **{2:P1}** | **{3:+0.000;-0.000;0.000}** | **{4:+0.000;-0.000;0.000}** | | |", concurrency, label,
            Median.Of(pairs.Select(p => p.Second.Load.RequestsPerSecond / p.First.Load.RequestsPerSecond)),
            Median.Of(pairs.Select(p => p.Second.Load.P50 - p.First.Load.P50)),
            Median.Of(pairs.Select(p => p.Second.Load.P99 - p.First.Load.P99)));
    }

    private static string Row(int concurrency, string path, List<CellResult> runs)
    {
        var proxy = runs.All(r => r.ProxyCpuMicroseconds is null) ? "–" : Median.Of(runs.Select(r => r.ProxyCpuMicroseconds ?? 0)).ToString("F0", Invariant);
        return string.Format(Invariant, "| {0} | {1} | {2:F0} | {3:F3} | {4:F3} | {5:F0} | {6} |",
            concurrency, path,
            Median.Of(runs.Select(r => r.Load.RequestsPerSecond)), Median.Of(runs.Select(r => r.Load.P50)), Median.Of(runs.Select(r => r.Load.P99)),
            Median.Of(runs.Select(r => r.UpstreamCpuMicroseconds)), proxy);
    }
}
