using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.QueryVectors;

/// <summary>
/// Reads the gateway makes on a caller's behalf (<c>/_gateway/identify</c> with a <c>photo_id</c>,
/// <c>query_image.photo_id</c>) carry the caller's credentials; without any, only the configured photos and catalog
/// indices are read with the gateway's own (issue 14, part 4). And stored vectors are asked for on 9.2+ (issue 19).
/// </summary>
public sealed class CallerCredentialsTests : IAsyncLifetime
{
    private const string GatewayUser = "gateway-user";
    private static readonly string CallerHeader = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("caller:caller-password"));
    private readonly TempDirectory _temp = new();
    private RecordingUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private string _version = "9.1.0";

    public async Task InitializeAsync()
    {
        _upstream = await RecordingUpstream.StartAsync();
        _upstream.Handler = AnswerAsync;
        _gateway = GatewayHost.Start(_temp.Path, null, new Dictionary<string, string?>
        {
            ["Upstream:Url"] = _upstream.Address.ToString(),
            ["Upstream:Username"] = GatewayUser,
            ["Upstream:Password"] = "gateway-password",
        });
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _upstream.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Identify_WithoutCredentials_DoesNotReadAnotherIndexWithTheGatewaysOwn()
    {
        var response = await _gateway.Http.PostAsync("/_gateway/identify", EsRequests.Json("""{"photo_id":"anydoc","index":"secret"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("security_exception", error["error"]!["type"]!.GetValue<string>());
        Assert.Equal(401, error["status"]!.GetValue<int>());
        Assert.DoesNotContain(_upstream.Requests, r => r.PathAndQuery.StartsWith("/secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchPhotoId_WithoutCredentials_DoesNotReadAnotherIndexWithTheGatewaysOwn()
    {
        var response = await _gateway.Http.PostAsync("/photos/_search", EsRequests.Json("""{"query_image":{"photo_id":"anydoc","index":"secret"}}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("security_exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_upstream.Requests, r => r.PathAndQuery.StartsWith("/secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identify_ReadsAnotherIndexWithTheCallersCredentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_gateway/identify") { Content = EsRequests.Json("""{"photo_id":"anydoc","index":"secret"}""") };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(CallerHeader);

        var response = await _gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reads = _upstream.Requests.Where(r => r.PathAndQuery.StartsWith("/secret", StringComparison.Ordinal)).ToList();
        Assert.Contains(reads, r => r.PathAndQuery == "/secret/_mapping");
        Assert.Contains(reads, r => r.PathAndQuery.StartsWith("/secret/_doc/anydoc", StringComparison.Ordinal));
        Assert.All(reads, r => Assert.Equal(CallerHeader, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Identify_ConfiguredPhotosIndex_UsesTheGatewaysOwnCredentials()
    {
        var response = await _gateway.Http.PostAsync("/_gateway/identify", EsRequests.Json("""{"photo_id":"anydoc"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = Assert.Single(_upstream.Requests, r => r.PathAndQuery.StartsWith("/photos/_doc/anydoc", StringComparison.Ordinal));
        Assert.StartsWith("Basic ", read.Headers["Authorization"], StringComparison.Ordinal);
        Assert.NotEqual(CallerHeader, read.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("9.1.0", false)]
    [InlineData("9.2.0", true)]
    [InlineData("9.3.1-SNAPSHOT", true)]
    public async Task PhotoVector_AsksForVectorsFromElasticsearch92(string version, bool asks)
    {
        _version = version;

        var response = await _gateway.Http.PostAsync("/_gateway/identify", EsRequests.Json("""{"photo_id":"anydoc"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = Assert.Single(_upstream.Requests, r => r.PathAndQuery.StartsWith("/photos/_doc/anydoc", StringComparison.Ordinal));
        Assert.Equal(asks, read.PathAndQuery.Contains("_source_exclude_vectors=false", StringComparison.Ordinal));
    }

    /// <summary>A tiny cluster: its version, a mapping with one vector field for any index, one document with a vector
    /// (left out of _source on 9.2+ unless asked), no catalog peaks.</summary>
    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var index = path.TrimStart('/').Split('/')[0];
        var excludes = !_version.StartsWith("9.1", StringComparison.Ordinal) && context.Request.Query["_source_exclude_vectors"] != "false";
        var body = path switch
        {
            "/" => new JsonObject { ["version"] = new JsonObject { ["number"] = _version } },
            _ when path.EndsWith("/_mapping", StringComparison.Ordinal) => new JsonObject
            {
                [index] = new JsonObject { ["mappings"] = new JsonObject { ["properties"] = new JsonObject { ["v"] = new JsonObject { ["type"] = "dense_vector", ["dims"] = 3 } } } },
            },
            _ when path.Contains("/_doc/", StringComparison.Ordinal) => new JsonObject
            {
                ["found"] = true,
                ["_source"] = excludes ? new JsonObject() : new JsonObject { ["v"] = new JsonArray(1, 0, 0) },
            },
            _ => new JsonObject { ["hits"] = new JsonObject { ["hits"] = new JsonArray() } },
        };
        context.Response.Headers["X-elastic-product"] = "Elasticsearch";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
