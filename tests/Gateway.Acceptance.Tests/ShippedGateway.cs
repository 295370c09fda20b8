using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.Acceptance.Tests;

/// <summary>
/// The product started as a user starts it, as a child process. Only three things differ from the defaults: the port
/// (<c>Urls</c>), the data folder (<c>Gateway__DataFolder</c>) and the model folder (<c>Embeddings__ModelDirectory</c>,
/// the generated test model); all of them through environment variables, as a user would set them.
/// </summary>
internal sealed class ShippedGateway : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ShippedGateway(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>What the product printed so far (start-up log, errors).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The README's run command, <c>dotnet run --project src/Gateway</c>, from <paramref name="workingDirectory"/>.
    /// With <c>--no-build</c>: the test run has just built the solution, and building it a second time inside a test
    /// would only repeat that work (and race the other test projects' builds for the same files).</summary>
    public static Task<ShippedGateway> RunProjectAsync(string workingDirectory, string dataFolder, string modelFolder) =>
        StartAsync(workingDirectory, dataFolder, modelFolder,
            "run", "--no-build", "-c", AcceptancePaths.Configuration, "--project", Path.Combine(AcceptancePaths.RepositoryRoot, "src", "Gateway"));

    /// <summary>The build output, <c>dotnet path/to/Gateway.dll</c>, from <paramref name="workingDirectory"/>.</summary>
    public static Task<ShippedGateway> RunBuildOutputAsync(string workingDirectory, string dataFolder, string modelFolder) =>
        StartAsync(workingDirectory, dataFolder, modelFolder, Path.Combine(AcceptancePaths.BuildOutput, "Gateway.dll"));

    private static async Task<ShippedGateway> StartAsync(string workingDirectory, string dataFolder, string modelFolder, params string[] arguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Urls"] = address.ToString().TrimEnd('/');
        start.Environment["Gateway__DataFolder"] = dataFolder;
        start.Environment["Embeddings__ModelDirectory"] = modelFolder;

        // The test process's own settings must not leak into the product.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var gateway = new ShippedGateway(process, address);
        await gateway.WaitForHealthAsync();
        return gateway;
    }

    /// <summary>Polls <paramref name="check"/> until it returns a value, failing with the product's output after <paramref name="minutes"/>.</summary>
    public async Task<T> WaitForAsync<T>(string what, Func<Task<T?>> check, double minutes = 4)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        while (true)
        {
            if (await check() is { } value)
            {
                return value;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited (code {_process.ExitCode}) while waiting for {what}:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up waiting for {what}:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    private Task WaitForHealthAsync() => WaitForAsync("the gateway to answer /_gateway/health", async () =>
    {
        try
        {
            using var response = await Http.GetAsync("/_gateway/health");
            return response.StatusCode == HttpStatusCode.OK ? "up" : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    });

    /// <summary>Stops the product as a service manager would (SIGTERM), so it shuts down cleanly.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            // Only the process this test started (and its children: dotnet run starts the app as a child).
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
