namespace Gateway.Embeddings.Text;

/// <summary>
/// Finds user-defined pieces the way SentencePiece does: scanning left to right, at each position the
/// longest user-defined piece that starts there wins and becomes an atomic symbol that BPE merges never
/// cross (sentencepiece <c>bpe_model.cc</c>: the prefix matcher marks such symbols <c>freeze</c>).
/// Microsoft.ML.Tokenizers 2.0.1 ignores the piece type and tokenizes them like ordinary text.
/// </summary>
internal sealed class UserDefinedPieceMatcher
{
    private readonly Dictionary<char, (string Piece, int Id)[]> _byFirstChar;

    public UserDefinedPieceMatcher(IReadOnlyDictionary<string, int> pieces)
    {
        _byFirstChar = pieces
            .Where(p => p.Key.Length > 0)
            .GroupBy(p => p.Key[0])
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value)).ToArray());
    }

    public bool IsEmpty => _byFirstChar.Count == 0;

    /// <summary>The longest user-defined piece starting at <paramref name="position"/>, or length 0.</summary>
    public (int Length, int Id) MatchAt(ReadOnlySpan<char> text, int position)
    {
        if (!_byFirstChar.TryGetValue(text[position], out var candidates))
        {
            return (0, -1);
        }

        var rest = text[position..];
        foreach (var (piece, id) in candidates)
        {
            if (rest.StartsWith(piece, StringComparison.Ordinal))
            {
                return (piece.Length, id);
            }
        }

        return (0, -1);
    }
}
