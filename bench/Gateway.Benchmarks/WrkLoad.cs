using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Benchmarks;

/// <summary>
/// Load from <c>wrk</c> (one thread, <c>c</c> keep-alive connections, <c>--latency</c> for p50/p99). The
/// benchmark checks that it is installed and falls back to <see cref="BuiltInLoad"/> when it is not.
/// </summary>
internal sealed partial class WrkLoad : ILoadTool
{
    public const string InstallHint = "wrk is not installed: apt-get install wrk (Debian/Ubuntu), brew install wrk (macOS), or build it from https://github.com/wg/wrk";

    public string Name => "wrk";

    /// <summary>Whether <c>wrk</c> runs on this machine.</summary>
    public static bool IsInstalled()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit(5000);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public async Task<LoadResult> RunAsync(Uri target, Workload workload, int concurrency, TimeSpan duration, string? cpus)
    {
        var script = Path.Combine(Path.GetTempPath(), $"gateway-bench-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, $"wrk.method = \"POST\"\nwrk.body = [[{workload.Body}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        var info = CpuPinning.StartInfo("wrk", cpus, ["-t1", $"-c{concurrency}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, new Uri(target, workload.Path).ToString()]);

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return Parse(output + errors);
    }

    /// <summary>Reads requests/s and the 50 % / 99 % latency lines of <c>wrk --latency</c>; refuses runs with errors.</summary>
    internal static LoadResult Parse(string output)
    {
        if (NonSuccess().Match(output) is { Success: true } bad)
        {
            throw new InvalidOperationException($"wrk saw {bad.Groups[1].Value} non-2xx responses:{Environment.NewLine}{output}");
        }

        if (output.Contains("Socket errors", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk saw socket errors:{Environment.NewLine}{output}");
        }

        var rate = RequestsPerSecond().Match(output);
        var total = TotalRequests().Match(output);
        if (!rate.Success || !total.Success)
        {
            throw new InvalidOperationException($"unexpected wrk output:{Environment.NewLine}{output}");
        }

        return new LoadResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"),
            Percentile(output, "99"),
            int.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s)\b", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            throw new InvalidOperationException($"no {percent}% line in wrk output:{Environment.NewLine}{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
