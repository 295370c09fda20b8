using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Highlight;

/// <summary>The options of one highlighted field (the request's top-level options overridden per field).</summary>
internal sealed record HighlightOptions
{
    public IReadOnlyList<string> PreTags { get; init; } = ["<em>"];

    public IReadOnlyList<string> PostTags { get; init; } = ["</em>"];

    public int FragmentSize { get; init; } = 100;

    /// <summary>0 highlights the whole value as one fragment.</summary>
    public int NumberOfFragments { get; init; } = 5;

    public bool RequireFieldMatch { get; init; } = true;

    public int NoMatchSize { get; init; }

    /// <summary>Fragments by score instead of by position.</summary>
    public bool ScoreOrder { get; init; }

    public bool HtmlEncode { get; init; }

    public QueryNode? HighlightQuery { get; init; }
}
