using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace Gateway.Conformance.Tests.UnitTests;

public class YamlNodeConverterTests
{
    [Theory]
    [InlineData("1", "1", JsonValueKind.Number)]
    [InlineData("'1'", "\"1\"", JsonValueKind.String)]
    [InlineData("\"true\"", "\"true\"", JsonValueKind.String)]
    [InlineData("true", "true", JsonValueKind.True)]
    [InlineData("False", "false", JsonValueKind.False)]
    [InlineData("1.5", "1.5", JsonValueKind.Number)]
    [InlineData("-0.25e2", "-0.25e2", JsonValueKind.Number)]
    [InlineData("+7", "7", JsonValueKind.Number)]
    [InlineData("007", "7", JsonValueKind.Number)]
    [InlineData(".5", "0.5", JsonValueKind.Number)]
    [InlineData("_doc", "\"_doc\"", JsonValueKind.String)]
    [InlineData("1.2.3", "\"1.2.3\"", JsonValueKind.String)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890", JsonValueKind.Number)]
    public void Scalars_ResolveLikeTheJavaRunner(string yaml, string json, JsonValueKind kind)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("v: " + yaml));

        var node = ((JsonObject)YamlNodeConverter.ToJson(stream.Documents[0].RootNode)!)["v"];

        Assert.Equal(kind, node!.GetValueKind());
        Assert.Equal(json, node.ToJsonString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    public void NullForms_ResolveToNull(string text) => Assert.Null(YamlNodeConverter.ResolvePlain(text));

    [Fact]
    public void Parse_ReadsSetupTeardownAndTestsFromSeveralDocuments()
    {
        const string yaml = """
            setup:
              - skip:
                  version: " - 7.99.99"
                  reason: old
              - do:
                  indices.create: { index: test }
            ---
            teardown:
              - do:
                  indices.delete: { index: test }
            ---
            "First":
              - requires:
                  test_runner_features: [close_to, headers]
                  cluster_features: gte_v8.0.0
                  reason: new
              - do: { info: {} }
              - match: { tagline: "You Know, for Search" }
            ---
            "Second":
              - is_true: ''
            """;

        var file = TestFileParser.Parse("x/10_a.yml", yaml);

        Assert.Equal(["First", "Second"], file.Tests.Select(t => t.Name));
        Assert.Equal([" - 7.99.99"], file.Setup!.Prerequisites.SkipVersionRanges);
        Assert.Single(file.Setup.Steps);
        Assert.Single(file.Teardown!.Steps);
        Assert.Equal(["close_to", "headers"], file.Tests[0].Prerequisites.RunnerFeatures);
        Assert.Equal(["gte_v8.0.0"], file.Tests[0].Prerequisites.RequiredClusterFeatures);
        Assert.Equal(2, file.Tests[0].Steps.Count);
    }
}
