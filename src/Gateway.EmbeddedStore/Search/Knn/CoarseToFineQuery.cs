using System.Numerics.Tensors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>The query in every form the passes need, and the per-chunk centroid products.</summary>
internal sealed class CoarseToFineQuery
{
    private readonly sbyte[] _int8;
    private readonly byte[] _unsigned;
    private readonly float _int8Scale;

    public CoarseToFineQuery(VectorColumnView view, float[] q)
    {
        View = view;
        L2 = view.Similarity == VectorSimilarity.L2Norm;
        _int8 = new sbyte[q.Length];
        _int8Scale = Int8Quantizer.Quantize(q, _int8, out _);
        _unsigned = Int8Quantizer.ToUnsigned(_int8);
        Residual = new ResidualQuery(q);

        // Read each chunk's codes once: a chunk sealed while this query runs stays on int8.
        var chunkCount = (view.MaxDoc + VectorColumn.ChunkSize - 1) >> VectorColumn.ChunkShift;
        Codes = new ResidualCodes?[chunkCount];
        CentroidDots = new float[chunkCount];
        for (var c = 0; c < chunkCount; c++)
        {
            Codes[c] = view.Chunks[c].Residual;
            CentroidDots[c] = Codes[c] is { } codes ? TensorPrimitives.Dot(q, codes.Centroid) : 0;
        }

        // For L2 the ranking key is 2q·d − ‖d‖², so errors of q·d count twice.
        Margin = CoarseToFineScan.Confidence * (L2 ? 2 : 1);
    }

    public VectorColumnView View { get; }

    public bool L2 { get; }

    public ResidualQuery Residual { get; }

    public ResidualCodes?[] Codes { get; }

    public float[] CentroidDots { get; }

    public float Margin { get; }

    public float Int8Key(int ord)
    {
        var chunk = View.Chunks[ord >> VectorColumn.ChunkShift];
        var slot = ord & (VectorColumn.ChunkSize - 1);
        var dot = Int8Quantizer.Dot(_unsigned, _int8, chunk.QuantizedVector(slot), chunk.QuantizedSums[slot]) * _int8Scale * chunk.Scales[slot];

        // For L2 the ranking key −‖q−d‖² + ‖q‖² = 2q·d − ‖d‖² keeps the same order.
        return L2 ? (2 * dot) - chunk.SquaredNorms[slot] : dot;
    }

    /// <summary><see cref="Int8Key"/> of four ordinals of one chunk at once.</summary>
    public void Int8Keys(ReadOnlySpan<int> ords, Span<float> keys)
    {
        var chunk = View.Chunks[ords[0] >> VectorColumn.ChunkShift];
        Span<int> slots = [ords[0] & (VectorColumn.ChunkSize - 1), ords[1] & (VectorColumn.ChunkSize - 1), ords[2] & (VectorColumn.ChunkSize - 1), ords[3] & (VectorColumn.ChunkSize - 1)];
        Span<int> sums = [chunk.QuantizedSums[slots[0]], chunk.QuantizedSums[slots[1]], chunk.QuantizedSums[slots[2]], chunk.QuantizedSums[slots[3]]];
        Span<int> dots = stackalloc int[4];
        Int8Quantizer.Dot4(_unsigned, _int8, chunk.QuantizedVector(slots[0]), chunk.QuantizedVector(slots[1]), chunk.QuantizedVector(slots[2]), chunk.QuantizedVector(slots[3]), sums, dots);
        for (var i = 0; i < 4; i++)
        {
            var dot = dots[i] * _int8Scale * chunk.Scales[slots[i]];
            keys[i] = L2 ? (2 * dot) - chunk.SquaredNorms[slots[i]] : dot;
        }
    }
}
