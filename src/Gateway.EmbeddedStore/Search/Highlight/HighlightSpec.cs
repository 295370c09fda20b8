namespace Gateway.EmbeddedStore.Search.Highlight;

/// <summary>A request's <c>highlight</c> section: field patterns with their options, in request order.</summary>
internal sealed record HighlightSpec(IReadOnlyList<(string Pattern, HighlightOptions Options)> Fields);
