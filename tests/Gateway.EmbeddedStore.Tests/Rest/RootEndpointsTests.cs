using System.Net.Http.Headers;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class RootEndpointsTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory(new EmbeddedStoreOptions { NodeName = "n1", ClusterName = "c1" });

    [Fact]
    public async Task Root_ReportsVersionAndTagline()
    {
        var body = await _harness.OkAsync("GET", "/");

        Assert.Equal("n1", body["name"]!.GetValue<string>());
        Assert.Equal("c1", body["cluster_name"]!.GetValue<string>());
        Assert.Equal(22, body["cluster_uuid"]!.GetValue<string>().Length);
        Assert.StartsWith("9.", body["version"]!["number"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("default", body["version"]!["build_flavor"]!.GetValue<string>());
        Assert.NotNull(body["version"]!["lucene_version"]);
        Assert.NotNull(body["version"]!["minimum_wire_compatibility_version"]);
        Assert.Equal("You Know, for Search", body["tagline"]!.GetValue<string>());
    }

    [Fact]
    public async Task Head_Root_IsOkWithoutBody()
    {
        var (status, body) = await _harness.SendAsync("HEAD", "/");

        Assert.Equal(200, status);
        Assert.Null(body);
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/missing/_doc/1")]
    [InlineData("POST", "/_nope/x/y/z")]
    public async Task EveryResponse_CarriesProductHeader(string method, string path)
    {
        using var response = await _harness.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal("Elasticsearch", response.Headers.GetValues("X-Elastic-Product").Single());
    }

    [Fact]
    public async Task ContentType_FollowsCompatibilityAccept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/vnd.elasticsearch+json; compatible-with=9"));
        using var response = await _harness.Client.SendAsync(request);
        using var plain = await _harness.Client.GetAsync("/");

        Assert.Equal("application/vnd.elasticsearch+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "compatible-with" && p.Value == "9");
        Assert.Equal("application/json", plain.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ClusterHealth_IsYellowWithReplicasAndGreenWithout()
    {
        await _harness.OkAsync("PUT", "/a", """{"settings":{"number_of_replicas":0}}""");
        var green = await _harness.OkAsync("GET", "/_cluster/health?wait_for_status=yellow");
        await _harness.OkAsync("PUT", "/b");
        var yellow = await _harness.OkAsync("GET", "/_cluster/health");
        var perIndex = await _harness.OkAsync("GET", "/_cluster/health/a");

        Assert.Equal("green", green["status"]!.GetValue<string>());
        Assert.Equal("yellow", yellow["status"]!.GetValue<string>());
        Assert.Equal("green", perIndex["status"]!.GetValue<string>());
        Assert.Equal(1, yellow["number_of_nodes"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("GET", "/_unknown_api/x/y", 400, "no handler found for uri [/_unknown_api/x/y] and method [GET]")]
    [InlineData("DELETE", "/_bulk", 405, "Incorrect HTTP method for uri [/_bulk] and method [DELETE], allowed: [POST, PUT]")]
    public async Task UnknownEndpoints_AreElasticsearchErrors(string method, string path, int status, string reason)
    {
        var (actual, body) = await _harness.SendAsync(method, path);

        Assert.Equal(status, actual);
        Assert.Equal(reason, body!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(status, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task BodyOverLimit_Is413()
    {
        using var harness = StoreHarness.InMemory(new EmbeddedStoreOptions { MaxBodyBytes = 2048 });
        var (status, body) = await harness.SendAsync("POST", "/big/_doc", "{\"f\":\"" + new string('x', 5000) + "\"}");

        Assert.Equal(413, status);
        Assert.Equal(413, body!["status"]!.GetValue<int>());
        Assert.NotNull(body["error"]!["type"]);
    }

    public void Dispose() => _harness.Dispose();
}
