using System.Net;
using System.Text.Json.Nodes;
using Gateway.Embeddings.Vectors;
using Gateway.Tests.Infrastructure;
using Gateway.Upstream;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests.References;

/// <summary>
/// "This is" / "Not" on the real host with the colour test model: marking an album photo as a reference of a peak
/// blends its stored vector into the peak's prototype (0.55 text / 0.45 references), which queries use at once and
/// which a reindex of the album does not lose; anonymous callers are refused.
/// </summary>
public sealed class PhotoReferenceTests : IDisposable
{
    private readonly AlbumGateway _gateway = new("red", "blue", "green");

    [Fact]
    public async Task MarkReference_BlendsIntoThePrototype_RanksThePhotoHigher_AndSurvivesReindex()
    {
        var es = _gateway.Host.ElasticClient();
        await JobRunner.RunAsync(_gateway.Host, """{"type":"catalog-rebuild"}""");
        await JobRunner.RunAsync(_gateway.Host, """{"type":"incremental-scan","album":"trek"}""");
        var textOnly = await PrototypeAsync("red-peak");
        var green = await PhotoVectorAsync("green.jpg");
        var greenBefore = await ScoreAsync("Red Peak", "green.jpg");

        var marked = await MarkAsync(_gateway.Host.Http, "red-peak", "green.jpg", "reference");

        Assert.Equal(HttpStatusCode.OK, marked.Status);
        Assert.True(marked.Body["prototype_rebuilt"]!.GetValue<bool>(), marked.Body.ToJsonString());
        var expected = PrototypeMath.Blend(textOnly, [green], 0.55f, 0.45f);
        AssertClose(expected, await PrototypeAsync("red-peak"));
        Assert.True(await ScoreAsync("Red Peak", "green.jpg") > greenBefore + 0.01, "the query by peak name uses the new prototype");
        Assert.Contains("path: green.jpg", File.ReadAllText(_gateway.Settings["Peaks:CatalogPath"]!), StringComparison.Ordinal);

        await JobRunner.RunAsync(_gateway.Host, """{"type":"full-reindex"}""");
        await JobRunner.RunAsync(_gateway.Host, """{"type":"catalog-rebuild","force":true}""");

        var doc = await es.OkAsync(TransportMethod.GET, "/peaks_catalog/_doc/red-peak");
        Assert.Equal("green.jpg", doc["_source"]!["album_references"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(1, doc["_source"]!["reference_photo_count"]!.GetValue<int>());
        AssertClose(expected, await PrototypeAsync("red-peak"));
        var page = await _gateway.Host.Http.GetStringAsync("/admin/peaks/edit/red-peak");
        Assert.Matches("data-path=\"green.jpg\"[^§]*?/_ui/photos/[0-9a-f]+/thumb[^§]*?blended in", page);
    }

    [Fact]
    public async Task Negative_RemovesAReference_AndNoneRemovesTheMark()
    {
        await JobRunner.RunAsync(_gateway.Host, """{"type":"catalog-rebuild"}""");
        await JobRunner.RunAsync(_gateway.Host, """{"type":"incremental-scan","album":"trek"}""");
        var textOnly = await PrototypeAsync("red-peak");
        await MarkAsync(_gateway.Host.Http, "red-peak", "green.jpg", "reference");

        var negative = await MarkAsync(_gateway.Host.Http, "red-peak", "green.jpg", "negative");

        Assert.Equal((0, 1), (negative.Body["album_references"]!.GetValue<int>(), negative.Body["album_negatives"]!.GetValue<int>()));
        AssertClose(textOnly, await PrototypeAsync("red-peak"));
        var none = await MarkAsync(_gateway.Host.Http, "red-peak", "green.jpg", "none");
        Assert.Equal((0, 0), (none.Body["album_references"]!.GetValue<int>(), none.Body["album_negatives"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("red-peak", """{"album":"trek","path":"green.jpg","as":"maybe"}""", 400, "[as] one of")]
    [InlineData("red-peak", """{"album":"trek","path":"green.jpg","as":"reference","weight":2}""", 400, "unknown field(s) [weight]")]
    [InlineData("red-peak", """[1]""", 400, "must be an object")]
    [InlineData("red-peak", """{"album":"trek","path":"nope.jpg","as":"reference"}""", 404, "is not in the photos index")]
    [InlineData("no-such-peak", """{"album":"trek","path":"green.jpg","as":"reference"}""", 404, "peak [no-such-peak] is not in the catalog")]
    public async Task Mark_BadRequest_IsElasticsearchShaped(string peak, string body, int status, string reason)
    {
        await JobRunner.RunAsync(_gateway.Host, """{"type":"incremental-scan","album":"trek"}""");

        var response = await _gateway.Host.Http.PostAsync($"/_gateway/peaks/{peak}/_mark", EsRequests.Json(body));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status, error["status"]!.GetValue<int>());
        Assert.Contains(reason, error["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(error["error"]!["root_cause"]![0]!["type"]);
    }

    [Fact]
    public async Task Mark_Anonymous_IsRefusedAndChangesNothing()
    {
        using var anonymous = new HttpClient { BaseAddress = _gateway.Host.Address };
        var catalogBefore = File.ReadAllText(_gateway.Settings["Peaks:CatalogPath"]!);

        var response = await MarkAsync(anonymous, "red-peak", "green.jpg", "reference");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(401, response.Body["status"]!.GetValue<int>());
        Assert.Equal("security_exception", response.Body["error"]!["type"]!.GetValue<string>());
        Assert.Equal(catalogBefore, File.ReadAllText(_gateway.Settings["Peaks:CatalogPath"]!));
    }

    public void Dispose() => _gateway.Dispose();

    private static async Task<(HttpStatusCode Status, JsonNode Body)> MarkAsync(HttpClient http, string peak, string path, string mark)
    {
        var body = new JsonObject { ["album"] = "trek", ["path"] = path, ["as"] = mark };
        var response = await http.PostAsync($"/_gateway/peaks/{peak}/_mark", EsRequests.Json(body.ToJsonString()));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<float[]> PrototypeAsync(string peak)
    {
        var doc = await _gateway.Host.ElasticClient().OkAsync(TransportMethod.GET, $"/peaks_catalog/_doc/{peak}?_source_exclude_vectors=false");
        return JsonVectors.Read(doc["_source"]!["text_embed"])!;
    }

    private async Task<float[]> PhotoVectorAsync(string path)
    {
        var result = await _gateway.Host.ElasticClient().OkAsync(TransportMethod.POST, "/photos/_search", new JsonObject
        {
            ["query"] = new JsonObject { ["term"] = new JsonObject { ["path"] = path } },
            ["_source"] = new JsonObject { ["exclude_vectors"] = false },
        }.ToJsonString());
        return JsonVectors.Read(result["hits"]!["hits"]![0]!["_source"]!["clip_image"])!;
    }

    private async Task<double> ScoreAsync(string query, string path)
    {
        var result = await _gateway.Host.ElasticClient().OkAsync(TransportMethod.POST, "/photos/_search", new JsonObject { ["query_text"] = query, ["size"] = 10 }.ToJsonString());
        var hit = result["hits"]!["hits"]!.AsArray().Single(h => h!["_source"]!["path"]!.GetValue<string>() == path);
        return hit!["_score"]!.GetValue<double>();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-5f));
    }
}
