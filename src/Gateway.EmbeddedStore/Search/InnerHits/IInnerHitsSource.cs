using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.InnerHits;

/// <summary>Something that answers <c>inner_hits</c> for the hits of the context it ran in: a nested query, collapse.</summary>
internal interface IInnerHitsSource
{
    /// <summary>The inner hits' definitions (collapse may ask for several).</summary>
    IReadOnlyList<InnerHitsSpec> Specs { get; }

    /// <summary>The documents that make up the inner hits of the hit <paramref name="ord"/> of <paramref name="context"/>.</summary>
    InnerHitsCandidates Candidates(SearchContext context, int ord, InnerHitsSpec spec);
}
