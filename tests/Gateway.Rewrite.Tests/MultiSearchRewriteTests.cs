using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite.Tests;

public sealed class MultiSearchRewriteTests
{
    private readonly RewriterHarness _harness = new();

    [Fact]
    public async Task Rewrite_RewritesEachMultiSearchBodyWithItsHeaderIndex()
    {
        const string plainHeader = """{"index":"logs"}""";
        const string plainBody = """{ "query" : {"match_all":{}} }""";
        var ndjson = $"{plainHeader}\n{plainBody}\n{{\"index\":\"photos\"}}\n{{\"query_text\":\"red\",\"size\":2}}\n{{}}\n{{\"query_image\":{{\"photo_id\":\"p\"}}}}\n";

        var result = await _harness.Rewriter.RewriteMultiSearchAsync("album_alias", Encoding.UTF8.GetBytes(ndjson), CancellationToken.None);

        Assert.True(result.IsRewritten);
        var lines = Encoding.UTF8.GetString(result.Body!).Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.Equal("", lines[6]);
        Assert.Equal(plainHeader, lines[0]);
        Assert.Equal(plainBody, lines[1]);
        Assert.Equal("clip_image", JsonNode.Parse(lines[3])!["knn"]!["field"]!.GetValue<string>());
        Assert.Equal("[0,0,1]", RewriterHarness.Compact(JsonNode.Parse(lines[5])!["knn"]!["query_vector"]));
        Assert.Equal(3, result.Annotations.Count);
        Assert.Null(result.Annotations[0]);
        Assert.NotNull(result.Annotations[1]);
        Assert.NotNull(result.Annotations[2]);
    }

    [Fact]
    public async Task Rewrite_MultiSearchWithoutTextIsUnchanged()
    {
        var ndjson = "{\"index\":\"photos\"}\n{\"query\":{\"match_all\":{}}}\n";

        var result = await _harness.Rewriter.RewriteMultiSearchAsync(null, Encoding.UTF8.GetBytes(ndjson), CancellationToken.None);

        Assert.False(result.IsRewritten);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Rewrite_MultiSearchRefusesWholeRequestOnOneBadLine()
    {
        var ndjson = "{\"index\":\"photos\"}\n{\"query_text\":\"red\"}\n{\"index\":\"photos\"}\n{\"query_text\":\"red\",\"knn\":{}}\n";

        var result = await _harness.Rewriter.RewriteMultiSearchAsync(null, Encoding.UTF8.GetBytes(ndjson), CancellationToken.None);

        Assert.Null(result.Body);
        Assert.Equal(400, result.Error!.Status);
    }

    [Fact]
    public async Task Rewrite_MultiSearchRefusesMissingBodyLine()
    {
        var ndjson = "{\"index\":\"photos\"}\n{\"query_text\":\"red\"}\n{\"index\":\"photos\"}\n";

        var result = await _harness.Rewriter.RewriteMultiSearchAsync(null, Encoding.UTF8.GetBytes(ndjson), CancellationToken.None);

        Assert.Equal(400, result.Error!.Status);
    }
}
