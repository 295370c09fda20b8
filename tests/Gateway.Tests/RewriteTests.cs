using System.Text.Json.Nodes;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RewriteTests(GatewayFixture fixture)
{
    private static string RedJpegBase64 => Convert.ToBase64String(TestImages.SolidJpeg(TestColor.Named("red"), 120, 90));

    [Theory]
    [InlineData("red")]
    [InlineData("green")]
    [InlineData("blue")]
    public async Task Rewrite_KnnSectionQueryTextFindsThatColour(string color)
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            $$$"""{"knn":{"field":"clip_image","query_text":"{{{color}}}","k":2,"num_candidates":20},"_source":["color"]}""");

        var hits = response["hits"]!["hits"]!.AsArray();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(color, h!["_source"]!["color"]!.GetValue<string>()));
        Assert.Equal("prompt_ensemble", response["_gateway"]!["queries"]![0]!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rewrite_ShorthandFiltersPreFilter()
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            """{"query_text":"red","query":{"bool":{"filter":[{"term":{"album":"b"}}]}},"size":4}""");

        var ids = EsRequests.Ids(response);
        Assert.Equal(4, ids.Count);
        Assert.Equal("red-b", ids[0]);
        Assert.All(ids, id => Assert.EndsWith("-b", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rewrite_ShorthandMustNotExcludesBeforeRanking()
    {
        var response = await fixture.Client.OkAsync(TransportMethod.GET, "/photos/_search",
            """{"query_text":"red","query":{"bool":{"must_not":[{"term":{"color":"red"}}]}},"size":5}""");

        var ids = EsRequests.Ids(response);
        Assert.Equal(5, ids.Count);
        Assert.DoesNotContain(ids, id => id.StartsWith("red", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rewrite_KnnQueryInsideBool()
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search", """
            {"query":{"bool":{"must":[{"knn":{"field":"clip_image","query_text":"green","k":4,"num_candidates":20}}],
                               "filter":[{"term":{"album":"a"}}]}},"size":1}
            """);

        Assert.Equal(["green-a"], EsRequests.Ids(response));
    }

    [Fact]
    public async Task Rewrite_NeuralClause()
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            """{"query":{"neural":{"clip_image":{"query_text":"blue","k":2,"filter":{"term":{"album":"a"}}}}},"size":2}""");

        Assert.Equal("blue-a", EsRequests.Ids(response)[0]);
    }

    [Theory]
    [InlineData("pico rojo")]
    [InlineData("PICO ROJO")]
    [InlineData("Píco  Rojo")]
    [InlineData("赤岳")]
    [InlineData("red-berg")]
    public async Task Rewrite_TextNamingAPeakUsesItsPrototype(string text)
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            new JsonObject { ["query_text"] = text, ["size"] = 2 }.ToJsonString());

        var query = response["_gateway"]!["queries"]![0]!;
        Assert.Equal("peak_prototype", query["source"]!.GetValue<string>());
        Assert.Equal("red_peak", query["peak"]!.GetValue<string>());
        Assert.Null(query["peak_weight"]);
        Assert.All(EsRequests.Ids(response), id => Assert.StartsWith("red-", id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sunrise over Pico Rójo", "pico rojo")]
    [InlineData("赤岳の朝", "赤岳")]
    [InlineData("prayer flags below red-berg", "red berg")]
    public async Task Rewrite_TextContainingAPeakNameBlendsItsPrototype(string text, string matched)
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            new JsonObject { ["query_text"] = text, ["size"] = 2 }.ToJsonString());

        var query = response["_gateway"]!["queries"]![0]!;
        Assert.Equal("text_with_peak", query["source"]!.GetValue<string>());
        Assert.Equal("red_peak", query["peak"]!.GetValue<string>());
        Assert.Equal(matched, query["matched_name"]!.GetValue<string>());
        Assert.Equal(0.5, query["peak_weight"]!.GetValue<double>());
        Assert.All(EsRequests.Ids(response), id => Assert.StartsWith("red-", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rewrite_ImageQueryIdentifiesPeakAndFindsSimilarPhotos()
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            $$$"""{"query_image":{"base64":"{{{RedJpegBase64}}}"},"size":2}""");

        Assert.All(EsRequests.Ids(response), id => Assert.StartsWith("red-", id, StringComparison.Ordinal));
        var gateway = response["_gateway"]!;
        Assert.Equal("red_peak", gateway["identified_peaks"]![0]!["id"]!.GetValue<string>());
        Assert.InRange(gateway["identified_peaks"]![0]!["confidence"]!.GetValue<double>(), 0.0, 1.0);
        Assert.Equal("image", gateway["queries"]![0]!["source"]!.GetValue<string>());
        Assert.True(gateway["embedding_ms"]!.GetValue<double>() > 0);
    }

    [Theory]
    [InlineData("similar", "photo")]
    [InlineData("same_peak", "peak_prototype")]
    [InlineData("blend", "blend")]
    public async Task Rewrite_PhotoIdModes(string mode, string source)
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            $$$"""{"knn":{"field":"clip_image","query_image":{"photo_id":"blue-a","mode":"{{{mode}}}"},"k":2,"num_candidates":20}}""");

        Assert.All(EsRequests.Ids(response), id => Assert.StartsWith("blue-", id, StringComparison.Ordinal));
        Assert.Equal(source, response["_gateway"]!["queries"]![0]!["source"]!.GetValue<string>());
        Assert.Equal("blue_peak", response["_gateway"]!["identified_peaks"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rewrite_DataUrlImageWithoutIndexInPathNeedsField()
    {
        var body = $$$"""{"knn":{"field":"clip_image","query_image":"data:image/jpeg;base64,{{{RedJpegBase64}}}","k":1,"num_candidates":10}}""";

        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos_v1/_search", body);

        Assert.StartsWith("red-", EsRequests.Ids(response)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/photos_v1,photos/_search")]
    [InlineData("/photos/_search")]
    [InlineData("/photo*/_search")]
    public async Task Rewrite_ResolvesIndexListsAliasesAndPatterns(string path)
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, path, """{"query_text":"yellow","size":1}""");

        Assert.StartsWith("yellow-", EsRequests.Ids(response)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"query_text":"yellow"}""")]
    [InlineData("""{"knn":{"query_text":"yellow","k":1,"num_candidates":10}}""")]
    public async Task Rewrite_IndexThatDoesNotExist_AnswersIndexNotFound(string body)
    {
        // As a newcomer's first search does before any album is indexed: Elasticsearch's 404, not a vector-field riddle.
        var (status, error) = await fixture.Client.SendAsync(TransportMethod.POST, "/no_such_photos/_search", body);

        Assert.Equal(404, status);
        Assert.Equal("index_not_found_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("no such index [no_such_photos]", error["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rewrite_MultiSearchRewritesAndAnnotatesEachSearch()
    {
        var ndjson = "{\"index\":\"photos\"}\n{\"query_text\":\"red\",\"size\":1}\n{\"index\":\"peaks_catalog\"}\n{\"query\":{\"match_all\":{}},\"size\":1}\n"
            + "{\"index\":\"photos\"}\n{\"query_image\":{\"photo_id\":\"green-b\"},\"size\":1}\n";

        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/_msearch", ndjson);

        var responses = response["responses"]!.AsArray();
        Assert.Equal(3, responses.Count);
        Assert.StartsWith("red-", EsRequests.Ids(responses[0]!)[0], StringComparison.Ordinal);
        Assert.NotNull(responses[0]!["_gateway"]);
        Assert.Null(responses[1]!["_gateway"]);
        Assert.Equal("green_peak", responses[2]!["_gateway"]!["identified_peaks"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Passthrough_PlainSearchResponseHasNoGatewayObject()
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search", """{"query":{"term":{"color":"red"}}}""");

        Assert.Null(response["_gateway"]);
        Assert.Equal(2, EsRequests.Ids(response).Count);
    }

    [Theory]
    [InlineData("""{"query":{"term":{"color":"red"}},"_source":["color"]}""", false)]
    [InlineData("""{"query_text":"red","query":{"bool":{"filter":[{"term":{"album":"b"}}]}},"size":4}""", true)]
    public async Task GzipSearchBody_IsForwardedAsSentOrRewrittenUncompressed(string body, bool rewritten)
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/photos/_search") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        using var response = await fixture.Http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        var ids = EsRequests.Ids(json);
        if (rewritten)
        {
            Assert.Equal(4, ids.Count);
            Assert.Equal("red-b", ids[0]);
            Assert.NotNull(json["_gateway"]);
        }
        else
        {
            Assert.Equal(2, ids.Count);
            Assert.All(ids, id => Assert.StartsWith("red-", id, StringComparison.Ordinal));
            Assert.Null(json["_gateway"]);
        }
    }
}
