using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Proxy;

/// <summary>
/// How a proxied request reaches an Elasticsearch node on the wire: a raw TCP upstream records what its first
/// read returns. A <c>_search</c> body the gateway holds, and any body up to 64 KB, goes out in one write with the
/// headers (one read upstream); larger bodies stream after the headers.
/// </summary>
public sealed class RequestSegmentsTests : IAsyncLifetime
{
    private const string Answer = """{"took":1,"timed_out":false,"hits":{"total":{"value":0,"relation":"eq"},"hits":[]}}""";

    private readonly TempDirectory _temp = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _firstReads = [];
    private readonly List<int> _bodyLengths = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;
    private GatewayHost _gateway = null!;

    public Task InitializeAsync()
    {
        _listener.Start();
        _serving = ServeAsync();
        _gateway = GatewayHost.Start(_temp.Path, null, new Dictionary<string, string?>
        {
            ["Upstream:Url"] = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("/photos/_search")]
    [InlineData("/_msearch")]
    public async Task SearchBody_ArrivesWithItsHeadersInOneRead(string path)
    {
        var body = path.EndsWith("_msearch", StringComparison.Ordinal)
            ? "{}\n{\"query\":{\"term\":{\"album\":\"ebc\"}}}\n"
            : """{"query":{"bool":{"filter":[{"term":{"album":"ebc"}},{"range":{"shot_time":{"gte":"2024-10-05"}}}]}},"size":10}""";

        for (var i = 0; i < 3; i++)
        {
            using var response = await _gateway.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        lock (_firstReads)
        {
            Assert.Equal(3, _firstReads.Count);
            Assert.All(_firstReads, first =>
            {
                Assert.StartsWith("POST " + path + " HTTP/1.1\r\n", first, StringComparison.Ordinal);
                Assert.EndsWith("\r\n\r\n" + body, first, StringComparison.Ordinal);
                Assert.Contains("Content-Length: " + Encoding.UTF8.GetByteCount(body), first, StringComparison.OrdinalIgnoreCase);
            });
        }
    }

    [Theory]
    [InlineData("PUT", "/photos/_doc/1")]
    [InlineData("POST", "/photos/_bulk")]
    public async Task SmallBody_ArrivesWithItsHeadersInOneRead(string method, string path)
    {
        var body = method == "PUT" ? """{"album":"ebc","caption":"prayer flags"}""" : "{\"index\":{\"_id\":\"1\"}}\n{\"album\":\"ebc\"}\n";

        using var response = await _gateway.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lock (_firstReads)
        {
            var first = Assert.Single(_firstReads);
            Assert.StartsWith(method + " " + path + " HTTP/1.1\r\n", first, StringComparison.Ordinal);
            Assert.EndsWith("\r\n\r\n" + body, first, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LargeBody_StreamsThroughWhole()
    {
        var line = "{\"index\":{}}\n{\"caption\":\"" + new string('x', 1000) + "\"}\n";
        var body = string.Concat(Enumerable.Repeat(line, 100));

        using var response = await _gateway.Http.PostAsync("/photos/_bulk", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lock (_firstReads)
        {
            Assert.StartsWith("POST /photos/_bulk HTTP/1.1\r\n", Assert.Single(_firstReads), StringComparison.Ordinal);
            Assert.Equal(Encoding.UTF8.GetByteCount(body), Assert.Single(_bodyLengths));
        }
    }

    /// <summary>One request per connection read at once on arrival: the first read is whatever the first segment held.</summary>
    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                var first = Encoding.UTF8.GetString(buffer, 0, read);
                lock (_firstReads)
                {
                    _firstReads.Add(first);
                }

                await ReadRestAsync(stream, first, buffer);
                var answer = Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-elastic-product: Elasticsearch\r\nContent-Length: {Answer.Length}\r\n\r\n{Answer}");
                await stream.WriteAsync(answer, _stop.Token);
            }
        }
    }

    private async Task ReadRestAsync(NetworkStream stream, string first, byte[] buffer)
    {
        var headerEnd = first.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        while (headerEnd < 0)
        {
            var more = await stream.ReadAsync(buffer, _stop.Token);
            first += Encoding.UTF8.GetString(buffer, 0, more);
            headerEnd = first.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        }

        var lengthLine = first[..headerEnd].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var expected = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var have = Encoding.UTF8.GetByteCount(first[(headerEnd + 4)..]);
        while (have < expected)
        {
            var more = await stream.ReadAsync(buffer, _stop.Token);
            if (more == 0)
            {
                break;
            }

            have += more;
        }

        lock (_firstReads)
        {
            _bodyLengths.Add(have);
        }
    }
}
