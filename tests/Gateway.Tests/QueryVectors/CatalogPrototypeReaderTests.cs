using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Gateway.Peaks.Catalog;
using Gateway.Tests.Infrastructure;
using Gateway.Upstream;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.QueryVectors;

/// <summary>The one catalog prototype reader (query path and ingestion) on Elasticsearch 9.1 and 9.2+ (issue 19, part 5).</summary>
public sealed class CatalogPrototypeReaderTests : IAsyncLifetime
{
    private RecordingUpstream _upstream = null!;
    private string? _version;

    public async Task InitializeAsync()
    {
        _upstream = await RecordingUpstream.StartAsync();
        _upstream.Handler = AnswerAsync;
    }

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [InlineData("9.1.0", false)]
    [InlineData("9.2.0", true)]
    public async Task Read_AsksForVectorsOnlyWhereTheUpstreamLeavesThemOut(string version, bool asks)
    {
        _version = version;

        var read = await Reader().ReadAsync("catalog", "proto", CancellationToken.None);

        Assert.Null(read.Failure);
        var peak = Assert.Single(read.Prototypes);
        Assert.Equal(("everest", "Everest"), (peak.Id, peak.Name));
        Assert.Equal([1f, 0f], peak.Vector);
        var search = Assert.Single(_upstream.Requests, r => r.PathAndQuery == "/catalog/_search");
        Assert.Equal(asks, Encoding.UTF8.GetString(search.Body).Contains("\"exclude_vectors\":false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_UnknownVersionAndVectorsMissing_AsksAgain()
    {
        _version = null;

        var read = await Reader().ReadAsync("catalog", "proto", CancellationToken.None);

        Assert.Equal([1f, 0f], Assert.Single(read.Prototypes).Vector);
        Assert.Equal(2, _upstream.Requests.Count(r => r.PathAndQuery == "/catalog/_search"));
    }

    [Fact]
    public async Task Read_MissingIndex_IsEmptyAndNoFailure()
    {
        _version = "9.2.0";

        var read = await Reader().ReadAsync("missing", "proto", CancellationToken.None);

        Assert.Empty(read.Prototypes);
        Assert.Null(read.Failure);
    }

    private CatalogPrototypeReader Reader() =>
        new(new UpstreamClient(new ElasticsearchClient(new ElasticsearchClientSettings(_upstream.Address).EnableHttpCompression(false)), maxAttempts: 1));

    /// <summary>A cluster of <see cref="_version"/> (none: <c>GET /</c> fails) that leaves vectors out of _source unless asked,
    /// except on 9.1.</summary>
    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.Headers["X-elastic-product"] = "Elasticsearch";
        context.Response.ContentType = "application/json";
        if (path == "/")
        {
            context.Response.StatusCode = _version is null ? 500 : 200;
            await context.Response.WriteAsync(new JsonObject { ["version"] = new JsonObject { ["number"] = _version } }.ToJsonString());
            return;
        }

        if (path != "/catalog/_search")
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"error":{"type":"index_not_found_exception","reason":"no such index"},"status":404}""");
            return;
        }

        var asked = _upstream.Requests.Last().Body is { } body && Encoding.UTF8.GetString(body).Contains("\"exclude_vectors\":false", StringComparison.Ordinal);
        var source = new JsonObject { ["id"] = "everest", ["names"] = new JsonArray("Everest", "Sagarmatha") };
        if (asked || _version == "9.1.0")
        {
            source["proto"] = new JsonArray(1, 0);
        }

        await context.Response.WriteAsync(new JsonObject
        {
            ["hits"] = new JsonObject { ["hits"] = new JsonArray(new JsonObject { ["_id"] = "everest", ["_source"] = source }) },
        }.ToJsonString());
    }
}
