using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Embeddings.Tests.Models;

/// <summary>
/// A real HTTP server on 127.0.0.1 serving in-memory files with Range support, which can drop connections midway
/// (it announces the full length, sends part of the body, then aborts) to test resumption.
/// </summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _dropsLeft;

    public LoopbackFileServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Range header of every request, in order ("" when there was none).</summary>
    public ConcurrentQueue<(string Path, string Range)> Requests { get; } = new();

    /// <summary>Bytes of the body sent before a dropped connection is aborted.</summary>
    public int DropAfterBytes { get; set; } = 64 * 1024;

    /// <summary>How many of the next responses to drop midway.</summary>
    public int Drops
    {
        get => Volatile.Read(ref _dropsLeft);
        set => Volatile.Write(ref _dropsLeft, value);
    }

    /// <summary>A port nothing listens on (connections are refused).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    private async Task Serve(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.TrimStart('/');
        var range = context.Request.Headers["Range"] ?? string.Empty;
        Requests.Enqueue((path, range));
        var response = context.Response;
        try
        {
            if (!Files.TryGetValue(Uri.UnescapeDataString(path), out var body))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            var start = 0L;
            if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
            {
                start = long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (start >= body.Length)
                {
                    response.StatusCode = 416;
                    response.AddHeader("Content-Range", $"bytes */{body.Length}");
                    response.Close();
                    return;
                }
                response.StatusCode = 206;
                response.AddHeader("Content-Range", $"bytes {start}-{body.Length - 1}/{body.Length}");
            }
            response.ContentLength64 = body.Length - start;
            if (Interlocked.Decrement(ref _dropsLeft) >= 0)
            {
                var count = (int)Math.Min(DropAfterBytes, body.Length - start);
                await response.OutputStream.WriteAsync(body.AsMemory((int)start, count));
                await response.OutputStream.FlushAsync();
                await Task.Delay(50);
                response.Abort();
                return;
            }
            Interlocked.Exchange(ref _dropsLeft, 0);
            await response.OutputStream.WriteAsync(body.AsMemory((int)start));
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            response.Abort();
        }
    }
}
