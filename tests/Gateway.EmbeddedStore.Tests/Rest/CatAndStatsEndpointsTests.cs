using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class CatAndStatsEndpointsTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task CatIndices_TextWithHeaderAndChosenColumns()
    {
        await _store.OkAsync("PUT", "/photos", """{"settings":{"number_of_replicas":0}}""");
        await _store.OkAsync("PUT", "/photos/_doc/1?refresh=true", """{"a":1}""");

        var text = await _store.Client.GetStringAsync("/_cat/indices?v&h=index,health,docs.count");

        Assert.Equal("index  health docs.count\nphotos green           1\n", text);
    }

    [Fact]
    public async Task CatCountAliasesAndHealth_AsJson()
    {
        await _store.OkAsync("PUT", "/a", """{"aliases":{"all":{}}}""");
        await _store.OkAsync("PUT", "/a/_doc/1?refresh=true", """{"x":1}""");

        var count = JsonNode.Parse(await _store.Client.GetStringAsync("/_cat/count/a?format=json"))!;
        var aliases = JsonNode.Parse(await _store.Client.GetStringAsync("/_cat/aliases?format=json"))!;
        var health = JsonNode.Parse(await _store.Client.GetStringAsync("/_cat/health?format=json&h=status,shards"))!;
        var unknown = await _store.SendAsync("GET", "/_cat/count?h=nope");

        Assert.Equal("1", count[0]!["count"]!.GetValue<string>());
        Assert.Equal("all", aliases[0]!["alias"]!.GetValue<string>());
        Assert.Equal("a", aliases[0]!["index"]!.GetValue<string>());
        Assert.Equal("yellow", health[0]!["status"]!.GetValue<string>());
        Assert.Equal("1", health[0]!["shards"]!.GetValue<string>());
        Assert.Equal(400, unknown.Status);
    }

    [Fact]
    public async Task Stats_DocsAndStoreSizePerIndexAndInAll()
    {
        await _store.OkAsync("PUT", "/a/_doc/1?refresh=true", """{"x":1}""");
        await _store.OkAsync("PUT", "/b/_doc/1?refresh=true", """{"x":12}""");

        var all = await _store.OkAsync("GET", "/_stats");
        var one = await _store.OkAsync("GET", "/a/_stats/docs");
        var refused = await _store.SendAsync("GET", "/a/_stats/indexing");

        Assert.Equal(2, all["_all"]!["primaries"]!["docs"]!["count"]!.GetValue<int>());
        Assert.Equal("""{"x":1}""".Length + """{"x":12}""".Length, all["_all"]!["primaries"]!["store"]!["size_in_bytes"]!.GetValue<int>());
        Assert.Equal(1, one["indices"]!["a"]!["primaries"]!["docs"]!["count"]!.GetValue<int>());
        Assert.Null(one["indices"]!["a"]!["primaries"]!["store"]);
        Assert.Equal(400, refused.Status);
    }
}
