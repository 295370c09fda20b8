using System.Diagnostics;

namespace Gateway.Benchmarks;

/// <summary>A server started as its own process (upstream or gateway), killed on dispose; its CPU time is read between runs.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ChildProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>User + system CPU time of the process so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts <paramref name="arguments"/> with <c>dotnet</c> (on <paramref name="cpus"/> when given) and waits until
    /// <paramref name="address"/> answers HTTP.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(string name, Uri address, string workingDirectory, IEnumerable<string> arguments, string? cpus, IDictionary<string, string>? environment = null)
    {
        // taskset execs dotnet in place, so the process (and its CPU time) is the server's own.
        var info = CpuPinning.StartInfo("dotnet", cpus, arguments);
        info.WorkingDirectory = workingDirectory;

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        var child = new ChildProcess(process, address);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitUntilAnsweringAsync(name).ConfigureAwait(false);
        return child;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private async Task WaitUntilAnsweringAsync(string name)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await client.GetAsync(Address).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        string output;
        lock (_lastLines)
        {
            output = string.Join(Environment.NewLine, _lastLines);
        }

        Dispose();
        throw new InvalidOperationException($"{name} did not answer on {Address}:{Environment.NewLine}{output}");
    }
}
