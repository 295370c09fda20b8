namespace Gateway.Embeddings.Text;

/// <summary>SentencePiece <c>NormalizerSpec</c> flags; defaults are the proto defaults.</summary>
internal sealed record NormalizerFlags(string Name, bool HasCharsMap, bool AddDummyPrefix, bool RemoveExtraWhitespaces, bool EscapeWhitespaces)
{
    public static NormalizerFlags Default { get; } = new("nmt_nfkc", false, true, true, true);
}
