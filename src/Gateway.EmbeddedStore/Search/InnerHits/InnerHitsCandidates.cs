using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.InnerHits;

/// <summary>The documents of one hit's inner hits, in document order, and their scores (in <see cref="Context"/>).</summary>
internal sealed record InnerHitsCandidates(SearchContext Context, IReadOnlyList<int> Ords, Func<int, float> Score);
