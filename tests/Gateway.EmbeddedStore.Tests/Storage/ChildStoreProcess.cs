using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.EmbeddedStore.Tests.Storage;

/// <summary>
/// The store served by a real child process (<c>tests/Gateway.EmbeddedStore.Server</c>: the product's
/// <c>AddEmbeddedStore</c> registration and loopback listener) so that a test can kill it with SIGKILL.
/// </summary>
internal sealed class ChildStoreProcess : IDisposable
{
    private readonly Process _process;

    private ChildStoreProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the server on a free loopback port; <paramref name="settings"/> are more <c>EmbeddedStore</c> options.</summary>
    public static async Task<ChildStoreProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri("http://127.0.0.1:" + port);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll());
        var options = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["DataPath"] = dataPath,
            ["ListenUrl"] = address.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in options)
        {
            start.ArgumentList.Add("--EmbeddedStore:" + key);
            start.ArgumentList.Add(value);
        }

        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        if (finished != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            lock (errors)
            {
                throw new InvalidOperationException("the store server did not start: " + errors);
            }
        }

        return new ChildStoreProcess(process, address);
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever the process had not written is lost.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host stops and the store shuts down cleanly (writing a snapshot).</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServerDll()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var configuration = baseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var directory = new DirectoryInfo(baseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gateway.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("repository root not found");
        return Path.Combine(root, "tests", "Gateway.EmbeddedStore.Server", "bin", configuration, "net10.0", "Gateway.EmbeddedStore.Server.dll");
    }
}
