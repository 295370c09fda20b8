using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

/// <summary>The gateway in front of a recording upstream: what arrives there, and what comes back.</summary>
public sealed class UpstreamPassthroughTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private RecordingUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await RecordingUpstream.StartAsync();
        _gateway = GatewayHost.Start(_temp.Path, null, new Dictionary<string, string?> { ["Upstream:Url"] = _upstream.Address.ToString() });
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _upstream.DisposeAsync();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("POST", "/logs-*/_search?q=level:error&size=3&typed_keys=true", """{"query":{"match":{"msg":"query_text is a field"}}}""")]
    [InlineData("PUT", "/idx/_doc/a%2Fb?refresh=wait_for", """{"x" : 1}""")]
    [InlineData("DELETE", "/idx", null)]
    [InlineData("GET", "/_cat/indices?v&h=index", null)]
    public async Task Passthrough_ForwardsRequestUnchanged(string method, string pathAndQuery, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:s3cret")));
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.elasticsearch+json; compatible-with=8");
        request.Headers.TryAddWithoutValidation("X-Opaque-Id", "trace-42");
        request.Headers.TryAddWithoutValidation("es-security-runas-user", "alice");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/vnd.elasticsearch+json; compatible-with=8");
        }

        using var response = await _gateway.Http.SendAsync(request);
        var responseBytes = await response.Content.ReadAsByteArrayAsync();

        var recorded = Assert.Single(_upstream.Requests);
        Assert.Equal(method, recorded.Method);
        Assert.Equal(pathAndQuery, recorded.PathAndQuery);
        Assert.Equal("Basic ZWxhc3RpYzpzM2NyZXQ=", recorded.Headers["Authorization"]);
        Assert.Equal("application/vnd.elasticsearch+json; compatible-with=8", recorded.Headers["Accept"]);
        Assert.Equal("trace-42", recorded.Headers["X-Opaque-Id"]);
        Assert.Equal("alice", recorded.Headers["es-security-runas-user"]);
        Assert.Equal(body is null ? [] : Encoding.UTF8.GetBytes(body), recorded.Body);
        if (body is not null)
        {
            Assert.Equal("application/vnd.elasticsearch+json; compatible-with=8", recorded.Headers["Content-Type"]);
        }

        Assert.Equal(Encoding.UTF8.GetBytes(RecordingUpstream.DefaultBody), responseBytes);
        Assert.Equal("Elasticsearch", response.Headers.GetValues("X-elastic-product").Single());
    }

    [Fact]
    public async Task Passthrough_HeadRequest()
    {
        using var response = await _gateway.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/idx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HEAD", Assert.Single(_upstream.Requests).Method);
    }

    [Fact]
    public async Task Passthrough_StreamsLargeResponse()
    {
        // The upstream sends 1 MB, then waits until the client has read it before sending the rest:
        // a gateway that buffered the response would never deliver the first megabyte.
        var firstChunkRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)' ');
        _upstream.RawHandler = async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(chunk);
            await context.Response.Body.FlushAsync();
            await firstChunkRead.Task.WaitAsync(TimeSpan.FromSeconds(20));
            for (var i = 0; i < 20; i++)
            {
                await context.Response.Body.WriteAsync(chunk);
            }
        };

        using var response = await _gateway.Http.GetAsync("/big/_search", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        var readTask = Task.Run(async () =>
        {
            int read;
            while (total < chunk.Length && (read = await stream.ReadAsync(buffer)) > 0)
            {
                total += read;
            }
        });
        await readTask.WaitAsync(TimeSpan.FromSeconds(10));
        firstChunkRead.SetResult();
        int more;
        while ((more = await stream.ReadAsync(buffer)) > 0)
        {
            total += more;
        }

        Assert.Equal(21L * chunk.Length, total);
    }

    [Fact]
    public async Task Passthrough_StreamsLargeBulkRequest()
    {
        // The client sends 1 MB, then waits until the upstream has received half of it before sending the rest:
        // a gateway that buffered the request body would never forward the first megabyte.
        var firstChunkArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long received = 0;
        _upstream.RawHandler = async context =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
            {
                received += read;
                if (received >= 512 * 1024)
                {
                    firstChunkArrived.TrySetResult();
                }
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"took":1,"errors":false,"items":[]}""");
        };
        var line = Encoding.UTF8.GetBytes("{\"index\":{\"_index\":\"x\"}}\n{\"n\":1234567890}\n");
        var content = new GatedContent(line, 30_000, firstChunkArrived.Task);

        using var client = new HttpClient { BaseAddress = _gateway.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync("/_bulk", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30_000L * line.Length, received);
    }

    [Fact]
    public async Task Passthrough_AddsNoForwardedHeadersByDefault()
    {
        using var response = await _gateway.Http.GetAsync("/_cluster/health");

        var recorded = Assert.Single(_upstream.Requests);
        Assert.DoesNotContain(recorded.Headers.Keys, h => h.StartsWith("X-Forwarded", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Passthrough_AddsForwardedHeadersWhenConfigured()
    {
        using var temp = new TempDirectory();
        using var gateway = GatewayHost.Start(temp.Path, null, new Dictionary<string, string?>
        {
            ["Upstream:Url"] = _upstream.Address.ToString(),
            ["Upstream:ForwardedHeaders"] = "true",
        });

        using var response = await gateway.Http.GetAsync("/_cluster/health");

        var recorded = Assert.Single(_upstream.Requests);
        Assert.Equal("127.0.0.1", recorded.Headers["X-Forwarded-For"]);
        Assert.Equal("http", recorded.Headers["X-Forwarded-Proto"]);
    }

    [Fact]
    public async Task Rewrite_UpstreamWithoutMappingsIsAnElasticsearchError()
    {
        // The recording upstream answers GET /photos/_mapping with a search body: no vector field is known.
        var response = await _gateway.Http.PostAsync("/photos/_search", EsRequests.Json("""{"query_text":"red","size":2}"""));

        await ErrorTests.AssertErrorAsync(response, 400, "illegal_argument_exception");
        Assert.DoesNotContain(_upstream.Requests, r => r.PathAndQuery.StartsWith("/photos/_search", StringComparison.Ordinal));
    }

    private sealed class GatedContent(byte[] line, int lines, Task gate) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < lines; i++)
            {
                await stream.WriteAsync(line);
                if ((long)(i + 1) * line.Length >= 1024 * 1024 && !gate.IsCompleted)
                {
                    await stream.FlushAsync();
                    await gate.WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
