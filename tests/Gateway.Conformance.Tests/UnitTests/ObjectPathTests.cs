using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Assertions;
using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.UnitTests;

public class ObjectPathTests
{
    private static readonly JsonNode Body = JsonNode.Parse("""
        {"hits":{"hits":[{"_id":"1","_source":{"a.b":{"c":3}}},{"_id":"2"}]},"nodes":{"xyz":{"name":"n1"}}}
        """)!;

    [Theory]
    [InlineData("hits.hits.0._id", "\"1\"")]
    [InlineData("hits.hits.1._id", "\"2\"")]
    [InlineData("hits.hits.0._source.a\\.b.c", "3")]
    [InlineData("nodes._arbitrary_key_", "\"xyz\"")]
    [InlineData("hits.hits.2._id", null)]
    [InlineData("hits.hits.x", null)]
    [InlineData("hits.missing.deeper", null)]
    public void Evaluate_FollowsKeysIndicesAndEscapedDots(string path, string? expected) =>
        Assert.Equal(expected, ObjectPath.Evaluate(Body, ObjectPath.Split(path))?.ToJsonString());

    [Fact]
    public void Split_SkipsEmptySegmentsAsElasticsearchDoes() =>
        Assert.Equal(["index", "mappings"], ObjectPath.Split(".index..mappings"));

    [Fact]
    public void Split_KeepsEscapedDotsInsideKeys() =>
        Assert.Equal(["index", "settings", "index.number_of_shards"], ObjectPath.Split("index.settings.index\\.number_of_shards"));

    [Fact]
    public void Stash_ReplacesWholeValuesWithTheirTypeAndEmbedsText()
    {
        var stash = new Stash();
        stash.Set("id", JsonValue.Create(42));
        stash.Set("node", JsonValue.Create("xyz"));

        var replaced = stash.Replace(JsonNode.Parse("""{"a":"$id","b":"doc-${id}","$node":{"c":["$id"]}}"""));

        Assert.Equal("""{"a":42,"b":"doc-42","xyz":{"c":[42]}}""", replaced!.ToJsonString());
    }

    [Fact]
    public void Stash_MissingKeyFailsTheStep() =>
        Assert.Throws<StepFailedException>(() => new Stash().ReplaceString("$nope"));

    [Theory]
    [InlineData(" - 6.99.99", "9.1.0", false)]
    [InlineData("8.3.0 - 8.3.2", "9.1.0", false)]
    [InlineData("9.0.0 - ", "9.1.0", true)]
    [InlineData(" - 7.0.0, 9.1.0 - 9.1.5", "9.1.0", true)]
    [InlineData("all", "9.1.0", true)]
    [InlineData(" - 9.1.0", "9.1.0-SNAPSHOT", true)]
    public void VersionRanges_AreInclusiveAndOpenEnded(string range, string version, bool contained) =>
        Assert.Equal(contained, VersionRanges.Contains(range, VersionRanges.Parse(version)));
}
