using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class HighlightTests
{
    private static SearchFixture Docs()
    {
        var f = new SearchFixture("docs")
            .Field("text", FieldKind.Text)
            .Field("text.raw", FieldKind.Keyword, parent: "text")
            .Field("title", FieldKind.Text)
            .Field("tag", FieldKind.Keyword);
        f.Add("1", """{"text":"The quick brown fox is brown.","title":"Brown bears","tag":"fox"}""");
        f.Add("2", """{"text":"A long text about nothing much, then a fox appears near the end of it, and later another fox too.","title":"nothing","tag":"other"}""");
        return f;
    }

    private static JsonNode? Highlight(string body, string id = "1") =>
        Docs().Search(body)["hits"]!["hits"]!.AsArray().First(h => h!["_id"]!.GetValue<string>() == id)!["highlight"];

    [Fact]
    public void MultiMatch_HighlightsEveryOccurrenceWithDefaultTags()
    {
        var h = Highlight("""{"query":{"multi_match":{"query":"quick brown fox","fields":["text*"]}},"highlight":{"fields":{"*":{}}}}""");
        Assert.Equal("The <em>quick</em> <em>brown</em> <em>fox</em> is <em>brown</em>.", h!["text"]![0]!.GetValue<string>());
        Assert.Null(h["title"]); // require_field_match: the query did not search title
    }

    [Fact]
    public void RequireFieldMatchFalse_HighlightsTermsFromOtherFields()
    {
        var h = Highlight("""{"query":{"match":{"text":"brown"}},"highlight":{"require_field_match":false,"fields":{"title":{}}}}""");
        Assert.Equal("<em>Brown</em> bears", h!["title"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Keyword_IsHighlightedWhole_WithCustomTags()
    {
        var h = Highlight("""{"query":{"term":{"tag":"fox"}},"highlight":{"pre_tags":["["],"post_tags":["]"],"fields":[{"tag":{}}]}}""");
        Assert.Equal("[fox]", h!["tag"]![0]!.GetValue<string>());
    }

    [Fact]
    public void FragmentSizeAndNumberOfFragments_CutTheText()
    {
        var h = Highlight("""{"query":{"match":{"text":"fox"}},"highlight":{"fields":{"text":{"fragment_size":20,"number_of_fragments":1}}}}""", "2");
        var fragments = h!["text"]!.AsArray();
        Assert.Single(fragments);
        Assert.Contains("<em>fox</em>", fragments[0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(fragments[0]!.GetValue<string>().Length < 60);

        var all = Highlight("""{"query":{"match":{"text":"fox"}},"highlight":{"fields":{"text":{"fragment_size":20}}}}""", "2");
        Assert.Equal(2, all!["text"]!.AsArray().Count);

        var whole = Highlight("""{"query":{"match":{"text":"fox"}},"highlight":{"number_of_fragments":0,"fields":{"text":{}}}}""", "2");
        Assert.StartsWith("A long text", whole!["text"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void HighlightQuery_ReplacesTheSearchQueryForHighlighting()
    {
        var h = Highlight("""{"query":{"match":{"text":"fox"}},"highlight":{"fields":{"text":{"highlight_query":{"match":{"text":"quick"}}}}}}""");
        Assert.Equal("The <em>quick</em> brown fox is brown.", h!["text"]![0]!.GetValue<string>());
    }

    [Fact]
    public void NoMatchSizeAndHtmlEncoder()
    {
        var h = Highlight("""{"query":{"match":{"text":"fox"}},"highlight":{"fields":{"title":{"no_match_size":5}}}}""");
        Assert.Equal("Brown", h!["title"]![0]!.GetValue<string>());
        var encoded = new SearchFixture().Field("t", FieldKind.Text).Add("1", """{"t":"a <b> fox"}""")
            .Search("""{"query":{"match":{"t":"fox"}},"highlight":{"encoder":"html","fields":{"t":{}}}}""");
        Assert.Equal("a &lt;b&gt; <em>fox</em>", encoded["hits"]!["hits"]![0]!["highlight"]!["t"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"fvh","fields":{"text":{}}}""", "[fvh]")]
    [InlineData("""{"boundary_scanner":"word","fields":{"text":{}}}""", "[boundary_scanner]")]
    [InlineData("""{"fields":{"text":{"bogus":1}}}""", "[bogus]")]
    [InlineData("""{"number_of_fragments":10001,"fields":{"text":{}}}""", "[10001]")]
    public void UnsupportedOptions_AreRefusedByName(string highlight, string name)
    {
        var ex = Assert.Throws<StoreException>(() => Docs().Search("{\"query\":{\"match\":{\"text\":\"fox\"}},\"highlight\":" + highlight + "}"));
        Assert.Equal(400, ex.Status);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }
}
