using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>
/// Range, numeric term and geo filters read per-snapshot value columns: multi-valued fields match on any value,
/// and each refresh sees updates and deletes (a column is never reused across snapshots).
/// </summary>
public sealed class FilterColumnTests
{
    private const string Mapping = """{"mappings":{"properties":{"alt":{"type":"integer"},"focal":{"type":"double"},"shot_time":{"type":"date"},"gps":{"type":"geo_point"}}}}""";

    [Fact]
    public async Task Filters_MatchAnyValueOfMultiValuedFields()
    {
        using var store = StoreHarness.InMemory();
        await store.OkAsync("PUT", "/trek", Mapping);
        await store.OkAsync("PUT", "/trek/_doc/a", """{"alt":[3440,5364],"focal":[13.0,77.0],"shot_time":["2024-10-01T06:00:00Z","2024-10-09T06:00:00Z"],"gps":[{"lat":27.80,"lon":86.71},{"lat":28.00,"lon":86.85}]}""");
        await store.OkAsync("PUT", "/trek/_doc/b", """{"alt":4410,"focal":26.0,"shot_time":"2024-10-05T06:00:00Z","gps":{"lat":27.86,"lon":86.86}}""");
        await store.OkAsync("PUT", "/trek/_doc/c", """{"note":"no numbers, no place"}""");
        await store.OkAsync("POST", "/trek/_refresh");

        Assert.Equal(["a"], await IdsAsync(store, """{"range":{"alt":{"gt":5000}}}"""));
        Assert.Equal(["a", "b"], await IdsAsync(store, """{"range":{"alt":{"gte":3000,"lte":6000}}}"""));
        Assert.Equal(["a"], await IdsAsync(store, """{"term":{"focal":77}}"""));
        Assert.Equal(["a"], await IdsAsync(store, """{"range":{"shot_time":{"gte":"2024-10-08"}}}"""));
        Assert.Equal(["a"], await IdsAsync(store, """{"geo_distance":{"distance":"2km","gps":{"lat":28.00,"lon":86.85}}}"""));
        Assert.Equal(["a", "b"], await IdsAsync(store, """{"geo_bounding_box":{"gps":{"top_left":{"lat":28.1,"lon":86.8},"bottom_right":{"lat":27.85,"lon":86.9}}}}"""));
        Assert.Equal(["c"], await IdsAsync(store, """{"bool":{"must_not":[{"range":{"alt":{"gte":0}}}]}}"""));
    }

    [Fact]
    public async Task Filters_SeeUpdatesAndDeletesAfterEachRefresh()
    {
        using var store = StoreHarness.InMemory();
        await store.OkAsync("PUT", "/trek", Mapping);
        await store.OkAsync("PUT", "/trek/_doc/a", """{"alt":3440,"gps":{"lat":27.80,"lon":86.71}}""");
        await store.OkAsync("PUT", "/trek/_doc/b", """{"alt":4410,"gps":{"lat":27.86,"lon":86.86}}""");
        await store.OkAsync("POST", "/trek/_refresh");
        const string High = """{"range":{"alt":{"gte":4000}}}""";
        const string NearNamche = """{"geo_distance":{"distance":"3km","gps":{"lat":27.80,"lon":86.71}}}""";
        var highBefore = await IdsAsync(store, High);
        var nearBefore = await IdsAsync(store, NearNamche);

        await store.OkAsync("PUT", "/trek/_doc/a", """{"alt":5364,"gps":{"lat":28.00,"lon":86.85}}""");
        await store.OkAsync("DELETE", "/trek/_doc/b");
        var unrefreshed = await IdsAsync(store, High);
        await store.OkAsync("POST", "/trek/_refresh");
        var highAfter = await IdsAsync(store, High);
        var nearAfter = await IdsAsync(store, NearNamche);

        Assert.Equal(["b"], highBefore);
        Assert.Equal(["a"], nearBefore);
        Assert.Equal(["b"], unrefreshed);
        Assert.Equal(["a"], highAfter);
        Assert.Empty(nearAfter);
    }

    private static async Task<string[]> IdsAsync(StoreHarness store, string filter)
    {
        var result = await store.OkAsync("POST", "/trek/_search", "{\"query\":{\"bool\":{\"filter\":[" + filter + "]}},\"sort\":[\"_doc\"]}");
        return [.. result["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>()).Order()];
    }
}
