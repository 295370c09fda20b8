using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite.Tests;

/// <summary>Runs the rewriter over JSON strings and parses what it produced.</summary>
internal sealed class RewriterHarness
{
    public FakeVectorSource Vectors { get; } = new();

    public RewriteOptions Options { get; } = new();

    public SearchRewriter Rewriter => new(Vectors, new FakeFieldResolver(), Options);

    public async Task<RewriteResult> SearchAsync(string? index, string json) =>
        await Rewriter.RewriteSearchAsync(index, Encoding.UTF8.GetBytes(json), CancellationToken.None);

    public async Task<JsonObject> RewrittenAsync(string? index, string json)
    {
        var result = await SearchAsync(index, json);
        Assert.Null(result.Error);
        Assert.True(result.IsRewritten);
        return JsonNode.Parse(result.Body)!.AsObject();
    }

    public async Task<RewriteError> RefusedAsync(string? index, string json)
    {
        var result = await SearchAsync(index, json);
        Assert.False(result.IsRewritten);
        return Assert.IsType<RewriteError>(result.Error);
    }

    public static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";
}
