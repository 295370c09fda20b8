using System.Text;
using Gateway.EmbeddedStore.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.EmbeddedStore.Tests.Rest;

/// <summary>
/// _delete_by_query, _update_by_query and _reindex refuse bad options with Elasticsearch's messages, before the index
/// is resolved and before any "not supported" guard; and requests_per_second throttles between batches.
/// </summary>
public sealed class ByQueryValidationTests : IDisposable
{
    private const string Reindex = """{"source":{"index":"missing"},"dest":{"index":"dest"}}""";
    private const string RequestsPerSecond = "[requests_per_second] must be a float greater than 0. Use -1 to disable throttling.";
    private const string Slices = "[slices] must be a positive integer or the string \"auto\"";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly StoreHarness _store;

    public ByQueryValidationTests() => _store = StoreHarness.InMemory(time: _time);

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("/missing/_delete_by_query?requests_per_second=0", RequestsPerSecond)]
    [InlineData("/missing/_update_by_query?requests_per_second=-12", RequestsPerSecond)]
    [InlineData("/missing/_delete_by_query?requests_per_second=", RequestsPerSecond)]
    [InlineData("/missing/_update_by_query?requests_per_second=unlimited", RequestsPerSecond)]
    [InlineData("/missing/_delete_by_query?slices=0", Slices)]
    [InlineData("/missing/_update_by_query?slices=junk", Slices)]
    [InlineData("/missing/_delete_by_query?max_docs=1&slices=2", "[max_docs] should be >= [slices]")]
    [InlineData("/missing/_delete_by_query?max_docs=-4", "[max_docs] parameter cannot be negative, found [-4]")]
    [InlineData("/missing/_update_by_query?size=4&max_docs=5", "[max_docs] set to two different values [4] and [5]")]
    [InlineData("/missing/_update_by_query?scroll_size=asdf", "Failed to parse int parameter [scroll_size] with value [asdf]")]
    [InlineData("/missing/_delete_by_query?conflicts=cat", "conflicts may only be \"proceed\" or \"abort\" but was [cat]")]
    [InlineData("/missing/_delete_by_query?wait_for_completion=false&slices=0", Slices)]
    [InlineData("/missing/_delete_by_query?max_docs=5&body_max_docs=4", "[max_docs] set to two different values [4] and [5]")]
    public async Task ByQuery_BadParametersAreRefusedBeforeTheIndexIsResolved(string path, string message)
    {
        var body = path.Contains("body_max_docs", StringComparison.Ordinal) ? """{"query":{"match_all":{}},"max_docs":4}""" : """{"query":{"match_all":{}}}""";
        var (status, json) = await _store.SendAsync("POST", path.Replace("&body_max_docs=4", "", StringComparison.Ordinal), body);

        Assert.Equal(400, status);
        Assert.Contains(message, json!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/missing/_delete_by_query", "{}", "query is missing")]
    [InlineData("/missing/_update_by_query", """{"stored_fields":["_id"]}""", "stored_fields is not supported in this context")]
    [InlineData("/remote:missing/_delete_by_query", """{"query":{"match_all":{}}}""", "Cross-cluster calls are not supported in this context but remote indices were requested: [remote:missing]")]
    public async Task ByQuery_BadBodiesAreValidationFailures(string path, string body, string message)
    {
        var (status, json) = await _store.SendAsync("POST", path, body);

        Assert.Equal(400, status);
        Assert.Equal("action_request_validation_exception", json!["error"]!["type"]!.GetValue<string>());
        Assert.Contains(message, json["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?requests_per_second=0", Reindex, RequestsPerSecond)]
    [InlineData("?slices=junk", Reindex, Slices)]
    [InlineData("?max_docs=-4", Reindex, "[max_docs] parameter cannot be negative, found [-4]")]
    [InlineData("", """{"source":{"index":"missing"},"dest":{"index":"dest"},"size":-4}""", "[max_docs] parameter cannot be negative, found [-4]")]
    [InlineData("", """{"source":{"index":"missing"},"dest":{"index":"dest"},"size":4,"max_docs":5}""", "[max_docs] set to two different values [4] and [5]")]
    [InlineData("?max_docs=5", """{"source":{"index":"missing"},"dest":{"index":"dest"},"max_docs":4}""", "[max_docs] set to two different values [4] and [5]")]
    [InlineData("", """{"dest":{"junk":{}}}""", "[dest] unknown field [junk]")]
    [InlineData("", """{"dest":{"version":10}}""", "[dest] unknown field [version]")]
    [InlineData("", """{"source":{"junk":{}}}""", "Unknown key for a START_OBJECT in [junk].")]
    [InlineData("", """{"source":{"size":"cat"},"dest":{"index":"dest"}}""", "For input string: \"cat\"")]
    [InlineData("", """{"conflicts":"cat"}""", "conflicts may only be \"proceed\" or \"abort\" but was [cat]")]
    [InlineData("", """{"dest":{}}""", "index must be specified")]
    [InlineData("", """{"source":{"from":1},"dest":{"index":"dest"}}""", "from is not supported in this context")]
    [InlineData("", """{"source":{"index":"missing","_source":false},"dest":{"index":"dest"}}""", "_source:false is not supported in this context")]
    [InlineData("", """{"source":{"index":"missing","stored_fields":["_id"]},"dest":{"index":"dest"}}""", "stored_fields is not supported in this context")]
    [InlineData("", """{"source":{"remote":{"host":"badremote","weird":"stuff"},"index":"missing"},"dest":{"index":"dest"}}""", "[host] must be of the form [scheme]://[host]:[port](/[pathPrefix])? but was [badremote]")]
    [InlineData("", """{"source":{"remote":{"host":"http://okremote:9200","weird":"stuff","badkey":"is bad"},"index":"missing"},"dest":{"index":"dest"}}""", "Unsupported fields in [remote]: [weird,badkey]")]
    [InlineData("", """{"source":{"remote":{"host":"http://okremote:9200","socket_timeout":"borked"},"index":"missing"},"dest":{"index":"dest"}}""", "failed to parse [borked]")]
    [InlineData("", """{"source":{"remote":{"host":"http://badremote:9200"},"index":"missing"},"dest":{"index":"dest"}}""", "[badremote:9200] not whitelisted in reindex.remote.whitelist")]
    [InlineData("?wait_for_completion=false", """{"source":{"index":"missing","sort":"n"},"dest":{"index":"dest"},"size":-1}""", "[max_docs] parameter cannot be negative, found [-1]")]
    public async Task Reindex_BadRequestsGetElasticsearchsMessages(string query, string body, string message)
    {
        var (status, json) = await _store.SendAsync("POST", "/_reindex" + query, body);

        Assert.Equal(400, status);
        Assert.Contains(message, json!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_AnOptionOutsideTheSubsetIsRefusedByNameOnceTheRequestIsValid()
    {
        var (status, json) = await _store.SendAsync("POST", "/_reindex", """{"source":{"index":"missing","sort":"n"},"dest":{"index":"dest"}}""");

        Assert.Equal(400, status);
        Assert.Contains("[source.sort]", json!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateByQuery_RequestsPerSecondWaitsBetweenBatches()
    {
        await SeedAsync(3);

        // One document per batch at 0.001 documents a second: 1000 s between batch starts, on the store's clock.
        var run = _store.OkAsync("POST", "/docs/_update_by_query?scroll_size=1&requests_per_second=0.001");
        while (!run.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(1);
        }

        var result = await run;
        Assert.Equal(3, result["updated"]!.GetValue<int>());
        Assert.Equal(3, result["batches"]!.GetValue<int>());
        Assert.Equal(0.001, result["requests_per_second"]!.GetValue<double>(), 6);
        Assert.InRange(result["throttled_millis"]!.GetValue<long>(), 1_000_000, 2_100_000);
    }

    [Fact]
    public async Task UpdateByQuery_WaitForCompletionFalseRunsAsATaskWhoseResultIsKept()
    {
        await SeedAsync(2);

        var started = await _store.OkAsync("POST", "/docs/_update_by_query?wait_for_completion=false");
        var id = started["task"]!.GetValue<string>();
        var done = await _store.OkAsync("GET", "/_tasks/" + id + "?wait_for_completion=true");
        var again = await _store.OkAsync("GET", "/_tasks/" + id);
        var unknown = await _store.SendAsync("GET", "/_tasks/" + id + "0");
        var malformed = await _store.SendAsync("GET", "/_tasks/nonsense");

        Assert.Matches(@"^.+:\d+$", id);
        Assert.Null(started["updated"]);
        Assert.True(done["completed"]!.GetValue<bool>());
        Assert.Equal("indices:data/write/update/byquery", done["task"]!["action"]!.GetValue<string>());
        Assert.Equal(2, done["response"]!["updated"]!.GetValue<int>());
        Assert.Equal(2, again["response"]!["updated"]!.GetValue<int>());
        Assert.Equal(404, unknown.Status);
        Assert.Equal("resource_not_found_exception", unknown.Body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(400, malformed.Status);
    }

    [Fact]
    public async Task DeleteByQuery_AThrottledTaskRunsToTheEndOnceRethrottledToUnlimited()
    {
        await SeedAsync(3);

        var started = await _store.OkAsync("POST", "/docs/_delete_by_query?wait_for_completion=false&scroll_size=1&requests_per_second=0.00000001", """{"query":{"match_all":{}}}""");
        var id = started["task"]!.GetValue<string>();
        var running = await _store.OkAsync("GET", "/_tasks/" + id);
        var missingRate = await _store.SendAsync("POST", "/_reindex/" + id + "/_rethrottle");
        await _store.OkAsync("POST", "/_reindex/" + id + "/_rethrottle?requests_per_second=-1");
        var done = await _store.OkAsync("GET", "/_tasks/" + id + "?wait_for_completion=true");

        Assert.False(running["completed"]!.GetValue<bool>());
        Assert.Equal(400, missingRate.Status);
        Assert.Equal(3, done["response"]!["deleted"]!.GetValue<int>());
        Assert.Equal(3, done["response"]!["batches"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reindex_AnInvalidTaskRequestIsRefusedAtOnce()
    {
        var (status, json) = await _store.SendAsync("POST", "/_reindex?wait_for_completion=false&requests_per_second=0", Reindex);

        Assert.Equal(400, status);
        Assert.Null(json!["task"]);
    }

    [Fact]
    public async Task Reindex_SourceFilteringShapesTheCopies()
    {
        await _store.OkAsync("PUT", "/src/_doc/1?refresh=true", """{"text":"test","filtered":"removed","keep":{"a":1,"b":2}}""");

        await _store.OkAsync("POST", "/_reindex?refresh=true", """{"source":{"index":"src","_source":{"excludes":["filtered","keep.b"]}},"dest":{"index":"dst"}}""");
        var copied = await _store.OkAsync("GET", "/dst/_doc/1");

        Assert.Equal("""{"text":"test","keep":{"a":1}}""", copied["_source"]!.ToJsonString());
    }

    [Fact]
    public async Task DeleteByQuery_MinusOneRequestsPerSecondIsUnthrottled()
    {
        await _store.OkAsync("PUT", "/docs/_doc/1?refresh=true", """{"n":1}""");

        var result = await _store.OkAsync("POST", "/docs/_delete_by_query?scroll_size=1&requests_per_second=-1", """{"query":{"match_all":{}}}""");

        Assert.Equal(1, result["deleted"]!.GetValue<int>());
        Assert.Equal(-1, result["requests_per_second"]!.GetValue<double>());
        Assert.Equal(0, result["throttled_millis"]!.GetValue<long>());
    }

    private async Task SeedAsync(int count)
    {
        var bulk = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            bulk.Append("{\"index\":{\"_index\":\"docs\",\"_id\":\"").Append(i).Append("\"}}\n{\"n\":").Append(i).Append("}\n");
        }

        var (status, _) = await _store.SendAsync("POST", "/_bulk?refresh=true", bulk.ToString(), "application/x-ndjson");
        Assert.Equal(200, status);
    }
}
