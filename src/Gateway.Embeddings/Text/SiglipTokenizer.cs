using System.Text;
using Microsoft.ML.Tokenizers;

namespace Gateway.Embeddings.Text;

/// <summary>
/// SigLIP-2 text input: lower-cased (invariant), Gemma SentencePiece, no BOS, EOS appended, truncated to the
/// model's sequence length keeping the EOS, right-padded with the pad id 0, no attention mask.
/// Sources: transformers <c>models/siglip2/tokenization_siglip2.py</c> (Gemma BPE + lowercase normalizer),
/// <c>processing_siglip2.py</c> (padding="max_length", max_length=64, truncation), and the checkpoint's
/// tokenizer_config.json (add_bos_token=false, add_eos_token=true, pad=&lt;pad&gt;=0, eos=&lt;eos&gt;=1) as quoted in
/// huggingface/transformers#47613. The text tower pools the hidden state at the LAST position
/// (modeling_siglip2.py: "The model uses the last token's hidden state, which may be padding"), so the
/// padding to exactly the sequence length is part of the model's contract.
/// </summary>
internal sealed class SiglipTokenizer
{
    public const int PadId = 0;

    private readonly SentencePieceTokenizer _inner;
    private readonly UserDefinedPieceMatcher _userDefined;
    private readonly NormalizerFlags _normalizer;

    private SiglipTokenizer(SentencePieceTokenizer inner, SentencePieceModelInfo info, int sequenceLength)
    {
        _inner = inner;
        _userDefined = new UserDefinedPieceMatcher(info.UserDefinedPieces);
        _normalizer = info.Normalizer;
        SequenceLength = sequenceLength;
        VocabularySize = info.PieceCount;
        EndOfSentenceId = inner.EndOfSentenceId;
    }

    /// <summary>Length of every encoded sequence (64 for SigLIP-2).</summary>
    public int SequenceLength { get; }

    public int VocabularySize { get; }

    public int EndOfSentenceId { get; }

    public static SiglipTokenizer Load(string modelPath, int sequenceLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 2);
        var bytes = File.ReadAllBytes(modelPath);
        var info = SentencePieceModelInfo.Parse(bytes);
        if (info.UserDefinedPieces.Count > 0 && info.Normalizer.HasCharsMap)
        {
            // The user-defined split below normalizes whitespace itself, which is only exact for the identity
            // rule that Gemma's tokenizer uses; refuse rather than silently produce different ids.
            throw new InvalidDataException(
                $"{modelPath}: SentencePiece models with user-defined pieces are supported only with the identity normalizer (found '{info.Normalizer.Name}').");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        var inner = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        return new SiglipTokenizer(inner, info, sequenceLength);
    }

    /// <summary>The SentencePiece ids of <paramref name="text"/> as given (no lower-casing, no EOS).</summary>
    public List<int> EncodePieces(string text)
    {
        var ids = new List<int>(SequenceLength);
        if (_userDefined.IsEmpty)
        {
            ids.AddRange(_inner.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false, considerPreTokenization: false, considerNormalization: true));
            return ids;
        }

        var normalized = Normalize(text);
        var segmentStart = 0;
        var position = 0;
        while (position < normalized.Length)
        {
            var (length, id) = _userDefined.MatchAt(normalized, position);
            if (length == 0)
            {
                position++;
                continue;
            }

            EncodeSegment(normalized, segmentStart, position, ids);
            ids.Add(id);
            position += length;
            segmentStart = position;
        }

        EncodeSegment(normalized, segmentStart, normalized.Length, ids);
        return ids;
    }

    /// <summary>Writes the model input for <paramref name="text"/> into <paramref name="destination"/> (length
    /// <see cref="SequenceLength"/>): lower-cased pieces, truncated to leave room for the EOS, EOS, then pad ids.</summary>
    public void Encode(string text, Span<long> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length != SequenceLength)
        {
            throw new ArgumentException($"destination must hold exactly {SequenceLength} ids", nameof(destination));
        }

        var pieces = EncodePieces(Prefix(text).ToLowerInvariant());
        var kept = Math.Min(pieces.Count, SequenceLength - 1);
        for (var i = 0; i < kept; i++)
        {
            destination[i] = pieces[i];
        }

        destination[kept] = EndOfSentenceId;
        destination[(kept + 1)..].Fill(PadId);
    }

    /// <summary>The text of SentencePiece ids (special and pad ids dropped), for round-trip checks.</summary>
    public string Decode(IEnumerable<int> ids) => _inner.Decode(ids.Where(id => id != PadId && id != EndOfSentenceId), considerSpecialTokens: false);

    /// <summary>Convenience for tests and tools: the full padded input for one text.</summary>
    public long[] Encode(string text)
    {
        var ids = new long[SequenceLength];
        Encode(text, ids);
        return ids;
    }

    // Only the first SequenceLength - 1 pieces are kept, and a piece spans at most a few dozen characters
    // (Gemma: 16, whitespace runs 31), so BPE never needs more than this prefix; it bounds the work a huge
    // query can cause. The cut never splits a surrogate pair.
    private string Prefix(string text)
    {
        var limit = SequenceLength * 64;
        if (text.Length <= limit)
        {
            return text;
        }

        return text[..(char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit)];
    }

    private void EncodeSegment(string normalized, int start, int end, List<int> ids)
    {
        if (end > start)
        {
            // Whitespace is already escaped, so the segment goes straight to the BPE model.
            ids.AddRange(_inner.EncodeToIds(normalized[start..end], addBeginningOfSentence: false, addEndOfSentence: false, considerPreTokenization: false, considerNormalization: false));
        }
    }

    // SentencePiece's normalizer for the identity rule: optional whitespace cleanup, optional dummy prefix,
    // spaces escaped to U+2581 (sentencepiece normalizer.cc).
    private string Normalize(string text)
    {
        var value = text;
        if (_normalizer.RemoveExtraWhitespaces)
        {
            value = string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        if (value.Length == 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 1);
        if (_normalizer.AddDummyPrefix)
        {
            builder.Append(' ');
        }

        builder.Append(value);
        if (_normalizer.EscapeWhitespaces)
        {
            builder.Replace(' ', '\u2581');
        }

        return builder.ToString();
    }
}
