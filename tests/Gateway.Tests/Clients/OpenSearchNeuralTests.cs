using Gateway.TestModels;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Clients;

/// <summary>The OpenSearch JS client, as published, sends a <c>neural</c> query through the gateway.</summary>
public sealed class OpenSearchNeuralTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private GatewayHost? _gateway;

    public void Dispose()
    {
        _gateway?.Dispose();
        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Neural_WithoutModelIs503NamingTheModel()
    {
        Skip.If(NodeClients.MissingReason is not null, NodeClients.MissingReason);
        _gateway = GatewayHost.Start(_temp.Path, null);
        var created = await _gateway.Http.PutAsync("/docs", EsRequests.Json("""{"mappings":{"properties":{"v":{"type":"dense_vector","dims":4,"similarity":"cosine"}}}}"""));
        Assert.True(created.IsSuccessStatusCode);

        var result = await NodeClients.RunScriptAsync("opensearch-neural.mjs", Environment("docs", "v", "ama dablam"));

        Assert.Equal(503, result["status"]!.GetValue<int>());
        Assert.Equal("model_unavailable_exception", result["body"]!["error"]!["type"]!.GetValue<string>());
        Assert.Contains("siglip2", result["body"]!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Neural_WithTheTestModelFindsTheColour()
    {
        Skip.If(NodeClients.MissingReason is not null, NodeClients.MissingReason);
        var model = TestModelFactory.WriteTo(Path.Combine(_temp.Path, "model"));
        _gateway = GatewayHost.Start(_temp.Path, model.Directory);
        await ColorPhotoSeeder.SeedAsync(_gateway.ElasticClient(), _gateway.Http, model.Dimensions);

        var result = await NodeClients.RunScriptAsync("opensearch-neural.mjs", Environment("photos", "clip_image", "red"));

        Assert.Equal(200, result["status"]!.GetValue<int>());
        var hits = result["body"]!["hits"]!["hits"]!.AsArray();
        Assert.NotEmpty(hits);
        Assert.Equal("red", hits[0]!["_source"]!["color"]!.GetValue<string>());
    }

    private Dictionary<string, string> Environment(string index, string field, string text) => new()
    {
        ["GATEWAY_URL"] = _gateway!.Address.ToString(),
        ["INDEX"] = index,
        ["FIELD"] = field,
        ["QUERY_TEXT"] = text,
    };
}
