using System.Globalization;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Gateway.Benchmarks -- [passthrough] [--seconds 5] [--rounds 3]
/// [--concurrency 1,8,32] [--upstreams fixed,store,embedded] [--docs 3000] [--load wrk|builtin] [--warmup 30] [--pin] [--gateway-env NAME=VALUE]… [--variant-env NAME=VALUE]…</c>: passthrough overhead
/// (<see cref="PassthroughBenchmark"/>), then the pure rewrite steps (<c>rewrite</c> runs those alone); <c>queries</c> times
/// peak, free-text and embed requests through the gateway with a real model (<see cref="QueryLatencyBenchmark"/>). The other
/// commands are the child processes the benchmark starts.
/// </summary>
internal static class BenchmarkProgram
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        // The command is the first word; options (--name value) may follow it or stand alone.
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "passthrough";
        switch (command)
        {
            case "upstream-fixed":
                return await FixedUpstream.RunAsync(Option(args, "--url", "http://127.0.0.1:9300"));
            case "upstream-store":
                return await StoreUpstream.RunAsync(Option(args, "--url", "http://127.0.0.1:9301"), Option(args, "--data", Path.Combine(Path.GetTempPath(), "gateway-bench-store")));
            case "proxy-bare":
                return await BareProxy.RunAsync(Option(args, "--url", "http://127.0.0.1:9302"), Option(args, "--upstream", "http://127.0.0.1:9300"));
            case "load":
                return await BuiltInLoad.RunChildAsync(new Uri(Option(args, "--url", "")), Option(args, "--path", "/"), await File.ReadAllTextAsync(Option(args, "--body-file", "")),
                    int.Parse(Option(args, "--concurrency", "1"), Invariant), TimeSpan.FromSeconds(int.Parse(Option(args, "--seconds", "5"), Invariant)));
            case "rewrite":
                await PrintRewriteCostAsync();
                return 0;
            case "queries":
                return await QueryLatencyBenchmark.RunAsync(Option(args, "--model", "/work/benchcache"), Option(args, "--variant", "fp32"),
                    Option(args, "--album", "../shared/photos/ebc"), int.Parse(Option(args, "--requests", "40"), Invariant));
            case "passthrough":
                break;
            default:
                Console.Error.WriteLine($"unknown command {command}: passthrough | rewrite | queries");
                return 2;
        }

        ILoadTool load;
        if (Option(args, "--load", "wrk") == "builtin")
        {
            load = new BuiltInLoad();
        }
        else if (WrkLoad.IsInstalled())
        {
            load = new WrkLoad();
        }
        else
        {
            Console.Error.WriteLine(WrkLoad.InstallHint + ". Using the built-in load generator instead (--load builtin).");
            load = new BuiltInLoad();
        }

        var benchmark = new PassthroughBenchmark(
            load,
            int.Parse(Option(args, "--seconds", "5"), Invariant),
            int.Parse(Option(args, "--rounds", "3"), Invariant),
            [.. Option(args, "--concurrency", "1,8,32").Split(',').Select(c => int.Parse(c, Invariant))],
            int.Parse(Option(args, "--docs", "3000"), Invariant),
            int.Parse(Option(args, "--warmup", "30"), Invariant),
            args.Contains("--pin") ? CpuPinning.UpstreamApart() : CpuPinning.None,
            EnvironmentOptions(args, "--gateway-env"),
            EnvironmentOptions(args, "--variant-env"));
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var upstream in Option(args, "--upstreams", "fixed,store,embedded").Split(','))
        {
            await benchmark.RunAsync(upstream, Console.Out);
        }

        await PrintRewriteCostAsync();
        return 0;
    }

    private static async Task PrintRewriteCostAsync()
    {
        Console.WriteLine();
        Console.WriteLine("| rewrite step (embedding excluded) | mean µs | p50 µs |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, mean, p50) in await RewriteCost.MeasureAsync(20_000))
        {
            Console.WriteLine(string.Format(Invariant, "| {0} | {1:F1} | {2:F1} |", name, mean, p50));
        }
    }

    /// <summary>
    /// Every <c>--gateway-env NAME=VALUE</c> (environment of the gateway process) or <c>--variant-env NAME=VALUE</c>
    /// (a second gateway with these on top, measured beside the first): runtime knobs to compare.
    /// </summary>
    private static Dictionary<string, string> EnvironmentOptions(string[] args, string option) => args
        .Select((a, i) => (a, i))
        .Where(p => p.a == option && p.i + 1 < args.Length)
        .Select(p => args[p.i + 1].Split('=', 2))
        .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
