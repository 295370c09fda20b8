using System.Text.Json.Nodes;

namespace Gateway.Rewrite.Tests;

public sealed class RewriteErrorTests
{
    private readonly RewriterHarness _harness = new();

    [Theory]
    [InlineData("photos", """{"query_text":"red",""", 400, "parsing_exception")]
    [InlineData("photos", """["query_text"]""", 400, "parsing_exception")]
    [InlineData("photos", """{"knn":{"field":"clip_image","query_text":"red","query_vector":[1,2,3]}}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"knn":{"field":"clip_image","query_text":"red","query_image":{"photo_id":"p"}}}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_text":"red","query_image":{"photo_id":"p"}}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_text":"","size":1}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_text":42}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_text":"red","knn":{"field":"clip_image","query_vector":[1]}}""", 400, "illegal_argument_exception")]
    [InlineData(null, """{"query_text":"red"}""", 400, "illegal_argument_exception")]
    [InlineData("unknown_index", """{"query_text":"red"}""", 400, "illegal_argument_exception")]
    [InlineData("multi", """{"query_text":"red"}""", 400, "illegal_argument_exception")]
    [InlineData("plain", """{"query_text":"red"}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"knn":{"field":"no_such_vec","query_text":"red"}}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_image":{"base64":"***not base64***"}}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_image":"data:image/png,abc"}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_image":{"url":"http://x"}}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_image":{"photo_id":"p","mode":"fuzzy"}}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_text":"red","size":"many"}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_text":"red","size":20000}""", 400, "illegal_argument_exception")]
    [InlineData("photos", """{"query_text":"red","size":10,"num_candidates":5}""", 400, "illegal_argument_exception")]
    public async Task Rewrite_RefusesBadBodies(string? index, string json, int status, string type)
    {
        var error = await _harness.RefusedAsync(index, json);

        Assert.Equal(status, error.Status);
        Assert.Equal(type, error.Type);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public async Task Rewrite_UnknownFieldErrorNamesTheFields()
    {
        var error = await _harness.RefusedAsync("photos", """{"knn":{"field":"vec","query_text":"red","k":1}}""");

        Assert.Contains("unknown vector field [vec]", error.Reason, StringComparison.Ordinal);
        Assert.Contains("clip_image", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewrite_ImageOverLimitIs413()
    {
        _harness.Options.MaxImageBytes = 1000;
        var base64 = Convert.ToBase64String(new byte[3000]);

        var error = await _harness.RefusedAsync("photos", $$$"""{"query_image":{"base64":"{{{base64}}}"}}""");

        Assert.Equal(413, error.Status);
        Assert.Empty(_harness.Vectors.Calls);
    }

    [Fact]
    public async Task Rewrite_NeverForwardsHalfRewrittenBody()
    {
        var result = await _harness.SearchAsync("photos", """
            {"knn":[{"field":"clip_image","query_text":"red","k":1},{"field":"clip_image","query_text":"blue","query_vector":[1],"k":1}]}
            """);

        Assert.Null(result.Body);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void ElasticsearchError_HasElasticsearchShape()
    {
        var json = JsonNode.Parse(ElasticsearchError.ToJson(429, "es_rejected_execution_exception", "queue full"))!;

        Assert.Equal(429, json["status"]!.GetValue<int>());
        Assert.Equal("es_rejected_execution_exception", json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("queue full", json["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("es_rejected_execution_exception", json["error"]!["root_cause"]![0]!["type"]!.GetValue<string>());
    }
}
