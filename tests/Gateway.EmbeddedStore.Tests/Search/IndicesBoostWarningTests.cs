using System.Text;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>The deprecated object form of indices_boost answers with Elasticsearch's deprecation Warning header.</summary>
public sealed class IndicesBoostWarningTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("""{"indices_boost":{"b":2}}""", true)]
    [InlineData("""{"indices_boost":[{"b":2}]}""", false)]
    [InlineData("""{}""", false)]
    public async Task ObjectForm_CarriesTheDeprecationWarning(string body, bool warned)
    {
        await _store.OkAsync("PUT", "/b/_doc/1?refresh=true", """{"a":1}""");

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _store.Client.PostAsync(new Uri("/b/_search", UriKind.Relative), content);

        Assert.True(response.IsSuccessStatusCode);
        var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
        if (warned)
        {
            Assert.Equal("299 Elasticsearch-9.2.0-embedded \"Object format in indices_boost is deprecated, please use array format instead\"", Assert.Single(warnings));
        }
        else
        {
            Assert.Empty(warnings);
        }
    }
}
