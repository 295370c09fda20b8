using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// The outcome of running a query on one snapshot: the matching ordinals and, when the query
/// scores, a dense score per ordinal (otherwise every match scores <see cref="Constant"/>).
/// </summary>
internal sealed class DocResult
{
    public DocResult(DocBits bits, float[]? scores, float constant)
    {
        Bits = bits;
        Scores = scores;
        Constant = constant;
    }

    public DocBits Bits { get; }

    public float[]? Scores { get; }

    public float Constant { get; }

    public float Score(int ord) => Scores is null ? Constant : Scores[ord];

    public static DocResult Empty(int maxDoc) => new(new DocBits(maxDoc), null, 0);
}
