using System.Diagnostics;
using System.Globalization;

namespace Gateway.Benchmarks;

/// <summary>
/// The fallback when wrk is missing: this program's own closed-loop <see cref="LoadGenerator"/>, started as a
/// separate process (<c>load --url U --path P --body-file F --concurrency C --seconds S</c>) so that it does not
/// share a process with the servers it measures.
/// </summary>
internal sealed class BuiltInLoad : ILoadTool
{
    public string Name => "built-in load generator (separate process)";

    public async Task<LoadResult> RunAsync(Uri target, Workload workload, int concurrency, TimeSpan duration, string? cpus)
    {
        var bodyFile = Path.Combine(Path.GetTempPath(), $"gateway-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(bodyFile, workload.Body);
        var info = CpuPinning.StartInfo("dotnet", cpus,
        [
            typeof(BuiltInLoad).Assembly.Location, "load", "--url", target.ToString(), "--path", workload.Path, "--body-file", bodyFile,
            "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture), "--seconds", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        ]);

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var fields = output.Trim().Split(' ');
        if (process.ExitCode != 0 || fields.Length != 4)
        {
            throw new InvalidOperationException($"load generator failed ({process.ExitCode}): {output}{errors}");
        }

        return new LoadResult(
            double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture),
            double.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    /// <summary>The child side: runs the load and prints <c>req/s p50 p99 count</c>.</summary>
    public static async Task<int> RunChildAsync(Uri target, string path, string body, int concurrency, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var result = await LoadGenerator.RunAsync(client, new Uri(target, path), body, concurrency, duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.RequestsPerSecond:F1} {result.P50:F4} {result.P99:F4} {result.Requests}"));
        return 0;
    }
}
