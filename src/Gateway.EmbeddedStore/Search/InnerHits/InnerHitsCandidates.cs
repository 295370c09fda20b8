using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.InnerHits;

/// <summary>
/// The documents of one hit's inner hits: per searched index (or nested level) the matching ordinals
/// (<see cref="ShardOutcome.HitDocs"/>) and their scores, so that they page and sort as a search's hits do.
/// </summary>
internal sealed record InnerHitsCandidates(IReadOnlyList<ShardOutcome> Parts)
{
    public int Count => Parts.Sum(p => p.HitDocs.Count());

    public float? MaxScore()
    {
        float? max = null;
        foreach (var part in Parts)
        {
            foreach (var ord in part.HitDocs.Ordinals())
            {
                max = Math.Max(max ?? float.NegativeInfinity, part.Score(ord));
            }
        }

        return max;
    }
}
