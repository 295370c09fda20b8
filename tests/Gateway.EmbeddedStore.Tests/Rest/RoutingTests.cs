using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class RoutingTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task Routing_IsKeptAndReturnedByGetMgetAndHits()
    {
        await _harness.OkAsync("PUT", "/r/_doc/1?routing=user1&refresh=true", """{"a":1}""");

        var got = await _harness.OkAsync("GET", "/r/_doc/1?routing=user1");
        var mget = await _harness.OkAsync("POST", "/r/_mget", """{"docs":[{"_id":"1","routing":"user1"}]}""");
        var hits = await _harness.OkAsync("POST", "/r/_search", """{"query":{"term":{"_routing":"user1"}}}""");

        Assert.Equal("user1", got["_routing"]!.GetValue<string>());
        Assert.Equal("user1", mget["docs"]![0]!["_routing"]!.GetValue<string>());
        Assert.Equal("user1", hits["hits"]!["hits"]![0]!["_routing"]!.GetValue<string>());
    }

    [Fact]
    public async Task OneShard_RoutingDoesNotHideDocuments()
    {
        await _harness.OkAsync("PUT", "/r/_doc/1?routing=a", """{"a":1}""");

        var (status, _) = await _harness.SendAsync("GET", "/r/_doc/1?routing=b");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task ManyShards_ReadWithAnotherRouting_IsNotFound_AsOnAnotherShard()
    {
        await _harness.OkAsync("PUT", "/r", """{"settings":{"number_of_shards":5,"number_of_routing_shards":5}}""");
        await _harness.OkAsync("PUT", "/r/_doc/1?routing=5&refresh=true", """{"a":1}""");

        var (plain, _) = await _harness.SendAsync("GET", "/r/_doc/1");
        var (routed, _) = await _harness.SendAsync("GET", "/r/_doc/1?routing=5");
        var (deleteElsewhere, deleted) = await _harness.SendAsync("DELETE", "/r/_doc/1?routing=4");
        var (updateElsewhere, _) = await _harness.SendAsync("POST", "/r/_update/1", """{"doc":{"a":2}}""");
        var searchShard = await _harness.OkAsync("POST", "/r/_search?routing=5", "{}");
        var count = await _harness.OkAsync("POST", "/r/_count", "{}");

        Assert.Equal(404, plain);
        Assert.Equal(200, routed);
        Assert.Equal(404, deleteElsewhere);
        Assert.Equal("not_found", deleted!["result"]!.GetValue<string>());
        Assert.Equal(404, updateElsewhere);
        Assert.Equal(1, searchShard["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal(1, count["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task ManyShards_SearchWithRoutingOfAnotherShard_LeavesTheDocumentOut()
    {
        await _harness.OkAsync("PUT", "/r", """{"settings":{"number_of_shards":5,"number_of_routing_shards":5}}""");
        await _harness.OkAsync("PUT", "/r/_doc/1?routing=5&refresh=true", """{"a":1}""");

        var other = await _harness.OkAsync("POST", "/r/_search?routing=4", "{}");
        var both = await _harness.OkAsync("POST", "/r/_search?routing=4,5", "{}");

        Assert.Equal(0, other["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal(1, both["hits"]!["total"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task RequiredRouting_MissingRouting_IsRoutingMissingException()
    {
        await _harness.OkAsync("PUT", "/r", """{"mappings":{"_routing":{"required":true}}}""");

        var (index, error) = await _harness.SendAsync("PUT", "/r/_doc/1", """{"a":1}""");
        var (get, _) = await _harness.SendAsync("GET", "/r/_doc/1");
        var (delete, _) = await _harness.SendAsync("DELETE", "/r/_doc/1");
        var (update, _) = await _harness.SendAsync("POST", "/r/_update/1", """{"doc":{"a":1},"doc_as_upsert":true}""");
        var bulk = await _harness.OkAsync("POST", "/_bulk", "{\"index\":{\"_index\":\"r\",\"_id\":\"2\"}}\n{\"a\":1}\n{\"index\":{\"_index\":\"r\",\"_id\":\"3\",\"routing\":\"x\"}}\n{\"a\":1}\n");
        var mapping = await _harness.OkAsync("GET", "/r/_mapping");

        Assert.Equal(400, index);
        Assert.Equal("routing_missing_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("routing is required for [r]/[1]", error["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("r", error["error"]!["index"]!.GetValue<string>());
        Assert.Equal(400, get);
        Assert.Equal(400, delete);
        Assert.Equal(400, update);
        Assert.Equal("routing_missing_exception", bulk["items"]![0]!["index"]!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(201, bulk["items"]![1]!["index"]!["status"]!.GetValue<int>());
        Assert.True(mapping["r"]!["mappings"]!["_routing"]!["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bulk_RoutingPerItemAndFromTheUrl_AndTheOldUnderscoreKeyIsRefused()
    {
        var bulk = await _harness.OkAsync("POST", "/_bulk?routing=u", "{\"index\":{\"_index\":\"r\",\"_id\":\"1\"}}\n{\"a\":1}\n{\"index\":{\"_index\":\"r\",\"_id\":\"2\",\"routing\":\"v\"}}\n{\"a\":1}\n");
        var (status, error) = await _harness.SendAsync("POST", "/_bulk", "{\"index\":{\"_index\":\"r\",\"_id\":\"3\",\"_routing\":\"w\"}}\n{\"a\":1}\n", "application/x-ndjson");

        Assert.False(bulk["errors"]!.GetValue<bool>());
        Assert.Equal("u", (await _harness.OkAsync("GET", "/r/_doc/1"))["_routing"]!.GetValue<string>());
        Assert.Equal("v", (await _harness.OkAsync("GET", "/r/_doc/2"))["_routing"]!.GetValue<string>());
        Assert.Equal(400, status);
        Assert.Equal("Action/metadata line [1] contains an unknown parameter [_routing]", error!["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"_routing":{"required":"yes"}}""")]
    [InlineData("""{"_routing":{"partition":true}}""")]
    public async Task RoutingMapping_BadParameter_IsMapperParsingException(string mappings)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/r", "{\"mappings\":" + mappings + "}");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AliasIndexRouting_AppliesToWrites_AndRefusesAnotherRouting()
    {
        await _harness.OkAsync("PUT", "/r", """{"aliases":{"ra":{"index_routing":"k","search_routing":"k"}}}""");
        await _harness.OkAsync("PUT", "/ra/_doc/1", """{"a":1}""");

        var got = await _harness.OkAsync("GET", "/r/_doc/1");
        var (status, error) = await _harness.SendAsync("PUT", "/ra/_doc/2?routing=other", """{"a":1}""");

        Assert.Equal("k", got["_routing"]!.GetValue<string>());
        Assert.Equal(400, status);
        Assert.Equal("Alias [ra] has index routing associated with it [k], and was provided with routing value [other], rejecting operation", error!["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task AliasRouting_ExplicitIndexAndSearchRoutingWinOverRouting()
    {
        await _harness.OkAsync("PUT", "/r", "{}");
        await _harness.OkAsync("POST", "/_aliases", """{"actions":[{"add":{"index":"r","alias":"ra","index_routing":"i","routing":"d"}}]}""");

        var alias = await _harness.OkAsync("GET", "/r/_alias/ra");

        Assert.Equal("""{"index_routing":"i","search_routing":"d"}""", alias["r"]!["aliases"]!["ra"]!.ToJsonString());
    }

    [Fact]
    public async Task AliasSearchRouting_RestrictsSearchesThroughTheAlias_AndIntersectsTheRequestsRouting()
    {
        await _harness.OkAsync("PUT", "/r", """{"settings":{"number_of_shards":5,"number_of_routing_shards":5},"aliases":{"five":{"search_routing":"5"},"four":{"search_routing":"4"}}}""");
        await _harness.OkAsync("PUT", "/r/_doc/1?routing=5&refresh=true", """{"a":1}""");

        int Total(System.Text.Json.Nodes.JsonNode body) => body["hits"]!["total"]!["value"]!.GetValue<int>();
        var five = await _harness.OkAsync("POST", "/five/_search", "{}");
        var four = await _harness.OkAsync("POST", "/four/_search", "{}");
        var fourAndIndex = await _harness.OkAsync("POST", "/four,r/_search", "{}");
        var disjoint = await _harness.OkAsync("POST", "/five/_search?routing=4", "{}");

        Assert.Equal(1, Total(five));
        Assert.Equal(0, Total(four));
        Assert.Equal(1, Total(fourAndIndex));
        Assert.Equal(0, Total(disjoint));
    }

    [Fact]
    public async Task Reindex_KeepsRoutingByDefault_AndSetsOrDiscardsItOnRequest()
    {
        await _harness.OkAsync("PUT", "/src/_doc/1?routing=u&refresh=true", """{"a":1}""");

        await _harness.OkAsync("POST", "/_reindex?refresh=true", """{"source":{"index":"src"},"dest":{"index":"keep"}}""");
        await _harness.OkAsync("POST", "/_reindex?refresh=true", """{"source":{"index":"src"},"dest":{"index":"set","routing":"=v"}}""");
        await _harness.OkAsync("POST", "/_reindex?refresh=true", """{"source":{"index":"src"},"dest":{"index":"drop","routing":"discard"}}""");
        var (bad, _) = await _harness.SendAsync("POST", "/_reindex", """{"source":{"index":"src"},"dest":{"index":"bad","routing":"sometimes"}}""");

        Assert.Equal("u", (await _harness.OkAsync("GET", "/keep/_doc/1"))["_routing"]!.GetValue<string>());
        Assert.Equal("v", (await _harness.OkAsync("GET", "/set/_doc/1"))["_routing"]!.GetValue<string>());
        Assert.Null((await _harness.OkAsync("GET", "/drop/_doc/1"))["_routing"]);
        Assert.Equal(400, bad);
    }

    [Fact]
    public async Task Routing_SurvivesRestart()
    {
        var root = Path.Combine(Path.GetTempPath(), "routing-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var harness = StoreHarness.OnDisk(root))
            {
                await harness.OkAsync("PUT", "/r/_doc/1?routing=u", """{"a":1}""");
                await harness.OkAsync("PUT", "/r/_doc/2", """{"a":1}""");
            }

            using var reopened = StoreHarness.OnDisk(root);
            var routed = await reopened.OkAsync("GET", "/r/_doc/1");
            var plain = await reopened.OkAsync("GET", "/r/_doc/2");

            Assert.Equal("u", routed["_routing"]!.GetValue<string>());
            Assert.Null(plain["_routing"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public void Dispose() => _harness.Dispose();
}
