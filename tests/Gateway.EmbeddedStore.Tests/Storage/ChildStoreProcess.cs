using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.EmbeddedStore.Tests.Storage;

/// <summary>
/// The store served by a real child process (the benchmark project's <c>serve</c> command) on a
/// loopback port, so that a test can kill it with SIGKILL.
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

    public static async Task<ChildStoreProcess> StartAsync(string dataPath)
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
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataPath);
        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        if (finished != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the store server did not start");
        }

        return new ChildStoreProcess(process, address);
    }

    /// <summary>SIGKILL: no shutdown code runs, buffered data in the process is lost.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
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
        return Path.Combine(root, "bench", "Gateway.EmbeddedStore.Benchmarks", "bin", configuration, "net10.0", "Gateway.EmbeddedStore.Benchmarks.dll");
    }
}
