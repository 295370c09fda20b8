using Gateway.Tests.Infrastructure;

namespace Gateway.Tests;

/// <summary>No model installed: text and image queries answer 503 naming the model and the command; everything else works.</summary>
public sealed class ModelMissingTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly GatewayHost _gateway;

    public ModelMissingTests() => _gateway = GatewayHost.Start(_temp.Path, null);

    public void Dispose()
    {
        _gateway.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Error_TextQueryWithoutModelIs503NamingModelAndCommand()
    {
        await _gateway.Http.PutAsync("/docs", EsRequests.Json("""{"mappings":{"properties":{"v":{"type":"dense_vector","dims":4,"similarity":"cosine"}}}}"""));

        var response = await _gateway.Http.PostAsync("/docs/_search", EsRequests.Json("""{"query_text":"ama dablam"}"""));
        var plain = await _gateway.Http.PostAsync("/docs/_search", EsRequests.Json("""{"query":{"match_all":{}}}"""));

        var json = await ErrorTests.AssertErrorAsync(response, 503, "model_unavailable_exception");
        var reason = json["error"]!["reason"]!.GetValue<string>();
        Assert.Contains("siglip2", reason, StringComparison.Ordinal);
        Assert.Contains("models download", reason, StringComparison.Ordinal);
        Assert.True(plain.IsSuccessStatusCode);
    }
}
