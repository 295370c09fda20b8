using Google.Protobuf;

namespace Gateway.Embeddings.Text;

/// <summary>
/// The parts of a SentencePiece <c>ModelProto</c> that Microsoft.ML.Tokenizers does not expose: piece types
/// (to find user-defined pieces) and the normalizer flags. Field numbers follow
/// google/sentencepiece <c>src/sentencepiece_model.proto</c>.
/// </summary>
internal sealed class SentencePieceModelInfo
{
    // SentencePiece.Type values from sentencepiece_model.proto.
    private const int UserDefinedType = 4;

    private SentencePieceModelInfo(IReadOnlyDictionary<string, int> userDefined, int pieceCount, NormalizerFlags normalizer)
    {
        UserDefinedPieces = userDefined;
        PieceCount = pieceCount;
        Normalizer = normalizer;
    }

    /// <summary>User-defined pieces (always emitted whole by SentencePiece) and their ids.</summary>
    public IReadOnlyDictionary<string, int> UserDefinedPieces { get; }

    /// <summary>Number of pieces in the vocabulary.</summary>
    public int PieceCount { get; }

    public NormalizerFlags Normalizer { get; }

    public static SentencePieceModelInfo Parse(byte[] model)
    {
        var userDefined = new Dictionary<string, int>(StringComparer.Ordinal);
        var normalizer = NormalizerFlags.Default;
        var index = 0;
        var input = new CodedInputStream(model);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    var (piece, type) = ReadPiece(input.ReadBytes());
                    if (type == UserDefinedType)
                    {
                        userDefined[piece] = index;
                    }

                    index++;
                    break;
                case 3:
                    normalizer = ReadNormalizer(input.ReadBytes());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new SentencePieceModelInfo(userDefined, index, normalizer);
    }

    private static (string Piece, int Type) ReadPiece(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var piece = string.Empty;
        var type = 1; // NORMAL is the proto default
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    piece = input.ReadString();
                    break;
                case 3:
                    type = input.ReadEnum();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (piece, type);
    }

    private static NormalizerFlags ReadNormalizer(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var flags = NormalizerFlags.Default;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    flags = flags with { Name = input.ReadString() };
                    break;
                case 2:
                    flags = flags with { HasCharsMap = input.ReadBytes().Length > 0 };
                    break;
                case 3:
                    flags = flags with { AddDummyPrefix = input.ReadBool() };
                    break;
                case 4:
                    flags = flags with { RemoveExtraWhitespaces = input.ReadBool() };
                    break;
                case 5:
                    flags = flags with { EscapeWhitespaces = input.ReadBool() };
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return flags;
    }
}
