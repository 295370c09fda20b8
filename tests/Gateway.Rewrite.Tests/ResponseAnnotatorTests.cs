using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite.Tests;

public sealed class ResponseAnnotatorTests
{
    private static GatewayAnnotation ImageAnnotation()
    {
        var annotation = new GatewayAnnotation();
        annotation.Add(new QueryVector([0, 1], "image", null, [FakeVectorSource.AmaDablam], 12.3));
        return annotation;
    }

    [Theory]
    [InlineData("""{"took":3,"hits":{"hits":[]}}""")]
    [InlineData("{\n  \"took\" : 3\n}\n")]
    [InlineData("{}")]
    public void AnnotateSearch_AppendsGatewayObjectAndKeepsTheRest(string response)
    {
        var annotated = Encoding.UTF8.GetString(ResponseAnnotator.AnnotateSearch(Encoding.UTF8.GetBytes(response), ImageAnnotation()));

        var json = JsonNode.Parse(annotated)!;
        Assert.Equal("ama_dablam", json["_gateway"]!["identified_peaks"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0.93, json["_gateway"]!["identified_peaks"]![0]!["confidence"]!.GetValue<double>(), 6);
        Assert.Equal("image", json["_gateway"]!["queries"]![0]!["source"]!.GetValue<string>());
        Assert.Equal(12.3, json["_gateway"]!["embedding_ms"]!.GetValue<double>(), 6);
        var prefix = response.TrimEnd().TrimEnd('}').TrimEnd();
        Assert.StartsWith(prefix, annotated, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnotateSearch_ReportsThePeakNameFoundInText()
    {
        var annotation = new GatewayAnnotation();
        annotation.Add(new QueryVector([0, 1], "text_with_peak", "ama_dablam", [], 4.5) { MatchedName = "ama dablam", PeakWeight = 0.5 });
        annotation.Add(new QueryVector([1, 0], "prompt_ensemble", null, [], 2));

        var json = JsonNode.Parse(ResponseAnnotator.AnnotateSearch("""{"took":1}"""u8, annotation))!;

        var queries = json["_gateway"]!["queries"]!.AsArray();
        Assert.Equal("text_with_peak", queries[0]!["source"]!.GetValue<string>());
        Assert.Equal("ama_dablam", queries[0]!["peak"]!.GetValue<string>());
        Assert.Equal("ama dablam", queries[0]!["matched_name"]!.GetValue<string>());
        Assert.Equal(0.5, queries[0]!["peak_weight"]!.GetValue<double>());
        Assert.Null(queries[1]!["matched_name"]);
        Assert.Null(queries[1]!["peak_weight"]);
    }

    [Fact]
    public void AnnotateSearch_LeavesNonObjectsAlone()
    {
        var bytes = Encoding.UTF8.GetBytes("not json");

        Assert.Equal(bytes, ResponseAnnotator.AnnotateSearch(bytes, ImageAnnotation()));
    }

    [Fact]
    public void AnnotateMultiSearch_AnnotatesOnlyRewrittenEntries()
    {
        var response = """{"took":1,"responses":[{"hits":{}},{"hits":{}}]}""";

        var annotated = JsonNode.Parse(ResponseAnnotator.AnnotateMultiSearch(Encoding.UTF8.GetBytes(response), [null, ImageAnnotation()]))!;

        Assert.Null(annotated["responses"]![0]!["_gateway"]);
        Assert.NotNull(annotated["responses"]![1]!["_gateway"]);
    }
}
