using System.Globalization;

namespace Gateway.Benchmarks;

/// <summary>
/// Passthrough overhead: the same fixed upstream reached directly and through the gateway, interleaved
/// round by round so both see the same machine load; then the pure rewrite cost without embedding.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        var seconds = Argument("--seconds", 5);
        var rounds = Argument("--rounds", 3);
        var concurrency = Argument("--concurrency", 16);
        var culture = CultureInfo.InvariantCulture;

        var data = Path.Combine(Path.GetTempPath(), "gateway-bench-" + Guid.NewGuid().ToString("N")[..8]);
        await using var upstream = await FixedUpstream.StartAsync();
        using var gateway = new GatewayUnderTest(upstream.Address, data);
        var gatewayAddress = gateway.Start();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

        Console.WriteLine($"upstream {upstream.Address}  gateway {gatewayAddress}  {Environment.ProcessorCount} cores, {rounds} rounds × {seconds} s per cell");
        await LoadGenerator.RunAsync(client, upstream.Address, concurrency, TimeSpan.FromSeconds(2));
        await LoadGenerator.RunAsync(client, gatewayAddress, concurrency, TimeSpan.FromSeconds(2));

        var results = new Dictionary<(string Target, int Concurrency), List<LoadResult>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var c in (int[])[1, concurrency])
            {
                foreach (var (name, address) in new[] { ("direct", upstream.Address), ("gateway", gatewayAddress) })
                {
                    var result = await LoadGenerator.RunAsync(client, address, c, TimeSpan.FromSeconds(seconds));
                    (results.TryGetValue((name, c), out var list) ? list : results[(name, c)] = []).Add(result);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| concurrency | path | req/s | p50 ms | p99 ms |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: |");
        foreach (var c in (int[])[1, concurrency])
        {
            var direct = LoadResult.Mean(results[("direct", c)]);
            var proxied = LoadResult.Mean(results[("gateway", c)]);
            Console.WriteLine(string.Format(culture, "| {0} | direct | {1:F0} | {2:F3} | {3:F3} |", c, direct.RequestsPerSecond, direct.P50, direct.P99));
            Console.WriteLine(string.Format(culture, "| {0} | gateway | {1:F0} | {2:F3} | {3:F3} |", c, proxied.RequestsPerSecond, proxied.P50, proxied.P99));
            Console.WriteLine(string.Format(culture, "| {0} | **added / ratio** | **{1:P1}** | **+{2:F3}** | **+{3:F3}** |", c,
                proxied.RequestsPerSecond / direct.RequestsPerSecond, proxied.P50 - direct.P50, proxied.P99 - direct.P99));
        }

        Console.WriteLine();
        Console.WriteLine("| rewrite step (embedding excluded) | mean µs | p50 µs |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, mean, p50) in await RewriteCost.MeasureAsync(20_000))
        {
            Console.WriteLine(string.Format(culture, "| {0} | {1:F1} | {2:F1} |", name, mean, p50));
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }

        int Argument(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
