using Gateway.TestModels;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Clients;

/// <summary>The official Python client (Debian's python3-elasticsearch 7.17) and its helpers through the gateway on
/// the embedded store, including a <c>query_text</c> search that the gateway rewrites.</summary>
public sealed class PythonClientTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private GatewayHost? _gateway;

    public void Dispose()
    {
        _gateway?.Dispose();
        _temp.Dispose();
    }

    [SkippableFact]
    public async Task PythonClient_HelpersSearchesAndWritesWorkThroughTheGateway()
    {
        Skip.If(PythonClient.MissingReason is not null, PythonClient.MissingReason);
        var model = TestModelFactory.WriteTo(Path.Combine(_temp.Path, "model"));
        _gateway = GatewayHost.Start(_temp.Path, model.Directory);
        await ColorPhotoSeeder.SeedAsync(_gateway.ElasticClient(), _gateway.Http, model.Dimensions);

        var r = await PythonClient.RunScriptAsync("python-client.py", new Dictionary<string, string>
        {
            ["GATEWAY_URL"] = _gateway.Address.ToString(),
            ["DOCS"] = "1500",
            ["PHOTOS_INDEX"] = "photos",
            ["QUERY_TEXT"] = "blue",
        });

        // The 7.x client accepts the 9.x server (its product check reads the root answer and headers).
        Assert.Equal("9.2.0", r["version"]!.GetValue<string>());
        Assert.Equal(1500, r["bulk"]!["ok"]!.GetValue<int>());
        Assert.Equal(0, r["bulk"]!["errors"]!.GetValue<int>());
        Assert.Equal(1500, r["count"]!.GetValue<int>());
        Assert.Equal(1500, r["search"]!["total"]!.GetValue<int>());
        Assert.Equal(3, r["search"]!["hits"]!.GetValue<int>());
        Assert.Equal(750, r["search"]!["tags"]!["odd"]!.GetValue<int>());
        Assert.Equal(1499, r["search"]!["max"]!.GetValue<double>());
        Assert.Equal(750, r["scan"]!["docs"]!.GetValue<int>());
        Assert.True(r["scan"]!["all_odd"]!.GetValue<bool>());
        Assert.All(r["knn"]!.AsArray(), n => Assert.Equal(3, n!.GetValue<int>()));
        Assert.Equal("changed", r["get"]!.GetValue<string>());
        Assert.Equal([true, true, false], r["mget"]!.AsArray().Select(f => f!.GetValue<bool>()));
        Assert.Equal(404, r["missing"]!.GetValue<int>());
        Assert.Equal("version_conflict_engine_exception", r["conflict"]!.GetValue<string>());
        Assert.False(r["streaming_bulk"]!["ok"]!.GetValue<bool>());
        Assert.Equal(400, r["streaming_bulk"]!["status"]!.GetValue<int>());
        Assert.Equal(600, r["parallel_bulk"]!.GetValue<int>());
        Assert.Equal(100, r["reindex"]!["copied"]!.GetValue<int>());
        Assert.Equal(100, r["reindex"]!["count"]!.GetValue<int>());
        Assert.Equal(100, r["delete_by_query"]!.GetValue<int>());
        Assert.Equal(700, r["update_by_query"]!.GetValue<int>());
        Assert.Equal([699, 404], r["msearch"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal(["python_client"], r["alias"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["python_client", "python_client_copy", "python_client_parallel"], r["cat"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal([0, 1, 2], r["pit"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.EndsWith("/blue.jpg", r["query_text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
