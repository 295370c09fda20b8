using System.Net;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ErrorTests(GatewayFixture fixture)
{
    public static TheoryData<string, string, int, string> BadRequests => new()
    {
        { "/photos/_search", """{"query_text":"red",""", 400, "parsing_exception" },
        { "/photos/_search", """{"knn":{"field":"clip_image","query_text":"red","query_vector":[1,2],"k":1}}""", 400, "illegal_argument_exception" },
        { "/photos/_search", """{"knn":{"field":"no_such_vector","query_text":"red","k":1}}""", 400, "illegal_argument_exception" },
        { "/photos/_search", """{"query_text":"red","query_image":{"photo_id":"red-a"}}""", 400, "illegal_argument_exception" },
        { "/_search", """{"query_text":"red"}""", 400, "illegal_argument_exception" },
        { "/photos/_search", """{"query_image":{"base64":"aGVsbG8gd29ybGQsIG5vdCBhbiBpbWFnZQ=="}}""", 400, "illegal_argument_exception" },
        { "/photos/_search", """{"query_image":{"photo_id":"no-such-photo"}}""", 404, "resource_not_found_exception" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Error_BadRequestsAreElasticsearchShaped(string path, string body, int status, string type)
    {
        var response = await fixture.Http.PostAsync(path, EsRequests.Json(body));

        await AssertErrorAsync(response, status, type);
    }

    [Fact]
    public async Task Error_ImageOverLimitIs413()
    {
        var image = Convert.ToBase64String(new byte[300_000]);

        var response = await fixture.Http.PostAsync("/photos/_search", EsRequests.Json($$$"""{"query_image":{"base64":"{{{image}}}"}}"""));

        await AssertErrorAsync(response, 413, "content_too_long_exception");
    }

    [Fact]
    public async Task Error_SearchBodyOverLimitIs413()
    {
        var padding = new string(' ', 2_100_000);

        var response = await fixture.Http.PostAsync("/photos/_search", EsRequests.Json("{\"query_text\":\"red\"" + padding + "}"));

        await AssertErrorAsync(response, 413, "content_too_long_exception");
    }

    [Fact]
    public async Task Error_ElasticClientSurfacesGatewayErrors()
    {
        var (status, json) = await fixture.Client.SendAsync(Elastic.Transport.HttpMethod.POST, "/photos/_search", """{"knn":{"field":"nope","query_text":"red"}}""");

        Assert.Equal(400, status);
        Assert.Contains("unknown vector field [nope]", json!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    internal static async Task<JsonNode> AssertErrorAsync(HttpResponseMessage response, int status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        var json = JsonNode.Parse(text)!;
        Assert.Equal(status, json["status"]!.GetValue<int>());
        Assert.Equal(type, json["error"]!["type"]!.GetValue<string>());
        Assert.Equal(type, json["error"]!["root_cause"]![0]!["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(json["error"]!["reason"]!.GetValue<string>()));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return json;
    }
}
