using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// Two-bit codes of a full <see cref="VectorChunk"/>, after RaBitQ's extended codes: each vector
/// <c>o</c> is stored as <c>r = o − c</c> (<c>c</c> = the chunk's centroid) on a uniform 4-level
/// grid, <c>ℓ_i = (k_i − 1.5)·Δ</c> with <c>k_i ∈ {0..3}</c> and <c>Δ ≈ ‖r‖/√D</c> (the
/// optimum for normal components). Then <c>q·o ≈ q·c + F·Δ·(q·k − 1.5·Σq)</c>, where the factor
/// <c>F = ‖r‖²/(ℓ·r)</c> makes the estimate unbiased, and its standard error for a unit query is
/// <see cref="Errors"/>: <c>‖r‖·√(1−α²)/(α·√(D−1))</c>, <c>α = ℓ·r/(‖ℓ‖·‖r‖)</c> (≈ 0.94 here,
/// 0.80 for one-bit codes, so half the error). Codes are stored transposed in blocks of
/// <see cref="BlockSize"/> vectors (byte j of 32 vectors side by side), so that
/// <see cref="ResidualQuery.BlockSums"/> looks up 32 vectors per shuffle. Built once when the
/// chunk is full and never changed, so readers need no lock.
/// </summary>
internal sealed class ResidualCodes
{
    public const int BlockShift = 5;
    public const int BlockSize = 1 << BlockShift;

    /// <summary>Grid step per RMS component that minimises the error for normal data.</summary>
    private const float StepPerRms = 0.9957f;

    private ResidualCodes(int dims)
    {
        Bytes = (dims + 3) >> 2;
        Codes = new byte[VectorColumn.ChunkSize * Bytes];
        Factors = new float[VectorColumn.ChunkSize];
        Errors = new float[VectorColumn.ChunkSize];
        CodeSums = new int[VectorColumn.ChunkSize];
        PresentMasks = new uint[VectorColumn.ChunkSize / BlockSize];
        Centroid = new float[dims];
    }

    /// <summary>Code bytes per vector (four components each, component 4j + t in bits 2t, 2t+1).</summary>
    public int Bytes { get; }

    public byte[] Codes { get; }

    /// <summary>F·Δ per vector (0 for a vector equal to the centroid, or absent).</summary>
    public float[] Factors { get; }

    /// <summary>Standard error of the estimate per unit of query norm.</summary>
    public float[] Errors { get; }

    /// <summary>Σ k_i per vector.</summary>
    public int[] CodeSums { get; }

    /// <summary>Per block, bit i is set where slot i of the block holds a vector.</summary>
    public uint[] PresentMasks { get; }

    public float[] Centroid { get; }

    /// <summary>Offset in <see cref="Codes"/> of byte <paramref name="index"/> of the vector in <paramref name="slot"/>.</summary>
    public int Offset(int slot, int index) => ((((slot >> BlockShift) * Bytes) + index) * BlockSize) + (slot & (BlockSize - 1));

    /// <summary>The 2-bit level k of <paramref name="component"/> of the vector in <paramref name="slot"/>.</summary>
    public int Level(int slot, int component) => (Codes[Offset(slot, component >> 2)] >> ((component & 3) * 2)) & 3;

    /// <summary>Codes the present vectors of <paramref name="chunk"/> against their centroid.</summary>
    // Runs once per 4 096 vectors: optimised at once rather than through tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ResidualCodes Build(VectorChunk chunk)
    {
        var dims = chunk.Dims;
        var codes = new ResidualCodes(dims);
        var present = 0;
        for (var slot = 0; slot < VectorColumn.ChunkSize; slot++)
        {
            if (chunk.Present[slot])
            {
                TensorPrimitives.Add(codes.Centroid, chunk.Vector(slot), codes.Centroid);
                present++;
            }
        }

        if (present > 0)
        {
            TensorPrimitives.Divide(codes.Centroid, present, codes.Centroid);
        }

        var residual = new float[dims];
        var levels = new float[dims];
        var code = new byte[codes.Bytes];
        var sqrtDims = MathF.Sqrt(dims);
        var sqrtDimsMinusOne = MathF.Sqrt(Math.Max(1, dims - 1));
        for (var slot = 0; slot < VectorColumn.ChunkSize; slot++)
        {
            if (!chunk.Present[slot])
            {
                continue;
            }

            codes.PresentMasks[slot >> BlockShift] |= 1u << slot;
            TensorPrimitives.Subtract(chunk.Vector(slot), codes.Centroid, residual);
            var norm = TensorPrimitives.Norm(residual);
            Array.Clear(code);
            if (norm > 0)
            {
                // k = clamp(floor(r/Δ) + 2, 0, 3), vectorised; ℓ = (k − 1.5)·Δ.
                var step = StepPerRms * norm / sqrtDims;
                TensorPrimitives.Multiply(residual, 1 / step, levels);
                TensorPrimitives.Floor(levels, levels);
                TensorPrimitives.Add(levels, 2f, levels);
                TensorPrimitives.Max(levels, 0f, levels);
                TensorPrimitives.Min(levels, 3f, levels);
                var sum = TensorPrimitives.Sum(levels);
                var levelDotResidual = step * (TensorPrimitives.Dot(levels, residual) - (1.5f * TensorPrimitives.Sum(residual)));
                var levelSquares = step * step * (TensorPrimitives.SumOfSquares(levels) - (3 * sum) + (2.25f * dims));
                for (var i = 0; i < dims; i++)
                {
                    code[i >> 2] |= (byte)((int)levels[i] << ((i & 3) * 2));
                }

                var alpha = Math.Min(1f, levelDotResidual / (MathF.Sqrt(levelSquares) * norm));
                codes.CodeSums[slot] = (int)sum;
                codes.Factors[slot] = norm * norm / levelDotResidual * step;
                codes.Errors[slot] = norm * MathF.Sqrt(1 - (alpha * alpha)) / (alpha * sqrtDimsMinusOne);
            }

            for (var j = 0; j < code.Length; j++)
            {
                codes.Codes[codes.Offset(slot, j)] = code[j];
            }
        }

        return codes;
    }
}
