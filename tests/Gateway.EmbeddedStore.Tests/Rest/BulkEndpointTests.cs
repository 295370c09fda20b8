using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class BulkEndpointTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task Bulk_MixedActions_ReportPerItemResults()
    {
        await _harness.OkAsync("PUT", "/b/_doc/3", """{"x":0}""");
        var body = await _harness.OkAsync("POST", "/_bulk?refresh=true", """
            {"index":{"_index":"b","_id":"1"}}
            {"x":1}
            {"create":{"_index":"b","_id":"2"}}
            {"x":2}
            {"update":{"_index":"b","_id":"3"}}
            {"doc":{"y":3}}
            {"delete":{"_index":"b","_id":"3"}}
            {"delete":{"_index":"b","_id":"404"}}
            {"index":{"_index":"b"}}
            {"x":5}

            """);

        Assert.False(body["errors"]!.GetValue<bool>());
        var items = body["items"]!.AsArray();
        Assert.Equal(6, items.Count);
        Assert.Equal(201, items[0]!["index"]!["status"]!.GetValue<int>());
        Assert.Equal("created", items[1]!["create"]!["result"]!.GetValue<string>());
        Assert.Equal("updated", items[2]!["update"]!["result"]!.GetValue<string>());
        Assert.Equal("deleted", items[3]!["delete"]!["result"]!.GetValue<string>());
        Assert.Equal(404, items[4]!["delete"]!["status"]!.GetValue<int>());
        Assert.Equal("not_found", items[4]!["delete"]!["result"]!.GetValue<string>());
        Assert.Equal(20, items[5]!["index"]!["_id"]!.GetValue<string>().Length);
        Assert.True(items[0]!["index"]!["forced_refresh"]!.GetValue<bool>());
        Assert.True(body["took"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task Bulk_BadItem_FailsOnlyItself()
    {
        await _harness.OkAsync("PUT", "/typed", """{"mappings":{"properties":{"n":{"type":"integer"}}}}""");
        var body = await _harness.OkAsync("POST", "/typed/_bulk", """
            {"index":{"_id":"1"}}
            {"n":1}
            {"index":{"_id":"2"}}
            {"n":"not a number"}
            {"create":{"_id":"1"}}
            {"n":3}
            {"index":{"_id":""}}
            {"n":4}
            {"update":{"_id":"missing"}}
            {"doc":{"n":5}}

            """);

        Assert.True(body["errors"]!.GetValue<bool>());
        var items = body["items"]!.AsArray();
        Assert.Equal(201, items[0]!["index"]!["status"]!.GetValue<int>());
        Assert.Equal(400, items[1]!["index"]!["status"]!.GetValue<int>());
        Assert.Equal("document_parsing_exception", items[1]!["index"]!["error"]!["type"]!.GetValue<string>());
        Assert.Null(items[1]!["index"]!["error"]!["root_cause"]);
        Assert.Equal(409, items[2]!["create"]!["status"]!.GetValue<int>());
        Assert.Equal("version_conflict_engine_exception", items[2]!["create"]!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("if _id is specified it must not be empty", items[3]!["index"]!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(404, items[4]!["update"]!["status"]!.GetValue<int>());
        Assert.Equal(200, (await _harness.SendAsync("GET", "/typed/_doc/1")).Status);
        Assert.Equal(404, (await _harness.SendAsync("GET", "/typed/_doc/2")).Status);
    }

    [Theory]
    [InlineData("{\"index\":{\"_index\":\"t\",\"_id\":\"1\"}}\n{\"f\":1}\n{}\n", "Malformed action/metadata line [3], expected FIELD_NAME but found [END_OBJECT]")]
    [InlineData("{\"explode\":{\"_index\":\"t\"}}\n{\"f\":1}\n", "Malformed action/metadata line [1], expected field [create], [delete], [index] or [update] but found [explode]")]
    [InlineData("{\"index\":{\"_index\":\"t\"}}\n{\"f\":1}", "The bulk request must be terminated by a newline [\\n]")]
    public async Task Bulk_MalformedActionLine_FailsWholeRequest(string payload, string reason)
    {
        var (status, body) = await _harness.SendAsync("POST", "/_bulk", payload, "application/x-ndjson");

        Assert.Equal(400, status);
        Assert.Equal("illegal_argument_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
        Assert.Null(_harness.Store.Catalog.Find("t"));
    }

    [Fact]
    public async Task Bulk_RequireAlias_RejectsConcreteIndex()
    {
        var body = await _harness.OkAsync("POST", "/_bulk", """
            {"index":{"_index":"new_index","require_alias":true}}
            {"f":1}

            """);

        Assert.Equal("index_not_found_exception", body["items"]![0]!["index"]!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("no such index [new_index] and [require_alias] request flag is [true] and [new_index] is not an alias", body["items"]![0]!["index"]!["error"]!["reason"]!.GetValue<string>());
        Assert.Null(_harness.Store.Catalog.Find("new_index"));
    }

    [Fact]
    public async Task Bulk_UpdateWithSource_ReturnsGet()
    {
        await _harness.OkAsync("PUT", "/u/_doc/1", """{"foo":"bar","bar":"foo"}""");
        await _harness.OkAsync("PUT", "/u/_doc/2", """{"foo":"qux","bar":"pux"}""");
        var body = await _harness.OkAsync("POST", "/_bulk", """
            { "update": { "_index": "u", "_id": "1", "_source": true } }
            { "doc": { "foo": "baz" } }
            { "update": { "_index": "u", "_id": "2" } }
            { "_source": {"includes": "bar"}, "doc": { "foo": "quux" } }

            """);

        Assert.Equal("baz", body["items"]![0]!["update"]!["get"]!["_source"]!["foo"]!.GetValue<string>());
        Assert.Equal("""{"bar":"pux"}""", body["items"]![1]!["update"]!["get"]!["_source"]!.ToJsonString());
    }

    [Fact]
    public async Task Bulk_LargeRequest_ParsedAheadButWrittenInOrder()
    {
        // 40 items (parsed in parallel): item 0 maps "n" as long and "v" as a 128-d vector
        // dynamically, so later items must be checked against that mapping, not the empty one.
        await _harness.OkAsync("PUT", "/big", """{"mappings":{"properties":{"k":{"type":"keyword"}}}}""");
        var vector = "[" + string.Join(",", Enumerable.Range(1, 128).Select(i => (i / 128.0).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            lines.Append("{\"index\":{\"_index\":\"big\",\"_id\":\"").Append(i).Append("\"}}\n");
            lines.Append(i switch
            {
                0 => "{\"n\":1,\"v\":" + vector + "}",
                17 => "{\"n\":\"not a number\"}",
                23 => "{\"v\":[1,2,3]}",
                _ => "{\"n\":" + i + ",\"k\":\"x" + i + "\"}",
            }).Append('\n');
        }

        var body = await _harness.OkAsync("POST", "/_bulk?refresh=true", lines.ToString());

        var items = body["items"]!.AsArray();
        Assert.True(body["errors"]!.GetValue<bool>());
        Assert.Equal(40, items.Count);
        Assert.Equal("failed to parse field [n] of type [long] in document with id '17'. Preview of field's value: 'not a number'", items[17]!["index"]!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("failed to parse: The [dense_vector] field [v] in doc [document with id '23'] has a different number of dimensions [3] than defined in the mapping [128]", items[23]!["index"]!["error"]!["reason"]!.GetValue<string>());
        var seqNos = items.Where((_, i) => i is not (17 or 23)).Select(item => item!["index"]!["_seq_no"]!.GetValue<long>()).ToList();
        Assert.Equal(Enumerable.Range(0, 38).Select(i => (long)i), seqNos);
        Assert.Equal("5", items[5]!["index"]!["_id"]!.GetValue<string>());
        var count = await _harness.OkAsync("GET", "/big/_count?q=n:39");
        Assert.Equal(1, count["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bulk_AliasWithoutWriteIndex_FailsOnlyItsItems()
    {
        await _harness.OkAsync("PUT", "/w1", """{"aliases":{"w":{}}}""");
        await _harness.OkAsync("PUT", "/w2", """{"aliases":{"w":{}}}""");
        var lines = string.Concat(Enumerable.Range(0, 20).Select(i => "{\"index\":{\"_index\":\"" + (i % 2 == 0 ? "w" : "w1") + "\"}}\n{\"f\":" + i + "}\n"));

        var body = await _harness.OkAsync("POST", "/_bulk", lines);

        var items = body["items"]!.AsArray();
        Assert.Equal(400, items[0]!["index"]!["status"]!.GetValue<int>());
        Assert.Equal("illegal_argument_exception", items[0]!["index"]!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(201, items[1]!["index"]!["status"]!.GetValue<int>());
        Assert.Equal(10, items.Count(item => item!["index"]!["status"]!.GetValue<int>() == 201));
    }

    [Fact]
    public async Task Bulk_Answer_HasElasticsearchMemberOrder()
    {
        await _harness.OkAsync("PUT", "/o", """{"settings":{"number_of_replicas":0},"mappings":{"properties":{"n":{"type":"integer"}}}}""");
        await _harness.OkAsync("PUT", "/o/_doc/1", """{"n":1}""");
        using var content = new StringContent("{\"delete\":{\"_index\":\"o\",\"_id\":\"1\"}}\n{\"index\":{\"_index\":\"o\",\"_id\":\"2\"}}\n{\"n\":\"x\"}\n", System.Text.Encoding.UTF8, "application/x-ndjson");
        using var response = await _harness.Client.PostAsync("/_bulk?refresh=true", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("{\"took\":", text, StringComparison.Ordinal);
        Assert.Equal(
            "\"errors\":true,\"items\":[" +
            "{\"delete\":{\"_index\":\"o\",\"_id\":\"1\",\"_version\":2,\"result\":\"deleted\",\"forced_refresh\":true,\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":1,\"_primary_term\":1,\"status\":200}}," +
            "{\"index\":{\"_index\":\"o\",\"_id\":\"2\",\"status\":400,\"error\":{\"type\":\"document_parsing_exception\",\"reason\":\"failed to parse field [n] of type [integer] in document with id \\u00272\\u0027. Preview of field\\u0027s value: \\u0027x\\u0027\"," +
            "\"caused_by\":{\"type\":\"illegal_argument_exception\",\"reason\":\"For input string: \\u0022x\\u0022\"}}}}]}",
            text[text.IndexOf("\"errors\"", StringComparison.Ordinal)..]);
    }

    public void Dispose() => _harness.Dispose();
}
