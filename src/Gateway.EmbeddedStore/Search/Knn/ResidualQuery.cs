using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// A query prepared for <see cref="ResidualCodes"/>: quantised to 5 bits per component
/// (<c>q ≈ min + step·u</c>, <c>u ∈ [0, 31]</c>) and turned into one 16-entry table per code
/// nibble (two components: entry m = u_a·(m &amp; 3) + u_b·(m ≫ 2), at most 186, so a byte).
/// <c>Σ u_i·k_i</c> is then one table look-up per nibble: with AVX2's in-lane byte shuffle, for 32
/// vectors at once (the "fast scan" layout of product quantisation). Hand-rolled because
/// System.Numerics.Tensors has no table-lookup kernels; a scalar loop stands in without AVX2.
/// </summary>
internal sealed class ResidualQuery
{
    public const int Levels = 31;

    // Sums of at most this many code bytes fit the 16-bit accumulators (2 × 186 each).
    private const int BytesPerFlush = 128;

    // Per code byte j, 64 bytes: the table of its low nibble twice (both 128-bit lanes), then the
    // table of its high nibble twice.
    private readonly byte[] _tables;
    private readonly float _min;
    private readonly float _step;
    private readonly float _sum;

    public ResidualQuery(ReadOnlySpan<float> query)
    {
        Bytes = (query.Length + 3) >> 2;
        _tables = new byte[Bytes * 64];
        _min = TensorPrimitives.Min(query);
        _step = (TensorPrimitives.Max(query) - _min) / Levels;
        _sum = TensorPrimitives.Sum(query);
        Norm = TensorPrimitives.Norm(query);
        for (var nibble = 0; nibble < Bytes * 2; nibble++)
        {
            var ua = Quantized(query, 2 * nibble);
            var ub = Quantized(query, (2 * nibble) + 1);
            var table = _tables.AsSpan(((nibble >> 1) * 64) + ((nibble & 1) * 32), 32);
            for (var m = 0; m < 16; m++)
            {
                table[m] = table[m + 16] = (byte)((ua * (m & 3)) + (ub * (m >> 2)));
            }
        }

        // Rounding errors are uniform in ±step/2 and independent; weighted by k (E[k²] ≈ 3.1 for
        // normal data, 3.5 taken) their sum has a standard deviation of step·√(3.5·D/12).
        QuantizationError = _step * MathF.Sqrt(3.5f * query.Length / 12f);
    }

    public int Bytes { get; }

    public float Norm { get; }

    /// <summary>Standard error added by the query's own rounding, per unit of the code's factor.</summary>
    public float QuantizationError { get; }

    /// <summary>Turns a block sum (Σ u·k) into the estimate of q·(o − c).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float ResidualDot(int blockSum, int codeSum, float factor) =>
        factor * ((_min * codeSum) + (_step * blockSum) - (1.5f * _sum));

    /// <summary>Estimates q·(o − c) for one vector (scalar; the scan uses <see cref="BlockSums"/>).</summary>
    public float EstimateResidualDot(ResidualCodes codes, int slot)
    {
        var sum = 0;
        for (var j = 0; j < Bytes; j++)
        {
            sum += Lookup(j, codes.Codes[codes.Offset(slot, j)]);
        }

        return ResidualDot(sum, codes.CodeSums[slot], codes.Factors[slot]);
    }

    /// <summary>Σ u·k for each of the 32 vectors of block <paramref name="block"/>.</summary>
    public void BlockSums(ResidualCodes codes, int block, Span<int> sums)
    {
        if (codes.Bytes != Bytes || sums.Length < ResidualCodes.BlockSize)
        {
            throw new ArgumentException("The codes have " + codes.Bytes + " bytes per vector, the query " + Bytes + ".", nameof(codes));
        }

        var offset = block * Bytes * ResidualCodes.BlockSize;
        sums[..ResidualCodes.BlockSize].Clear();
        if (Avx2.IsSupported)
        {
            ref var data = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(codes.Codes), offset);
            for (var from = 0; from < Bytes; from += BytesPerFlush)
            {
                BlockSumsAvx2(ref data, from, Math.Min(Bytes, from + BytesPerFlush), sums);
            }

            return;
        }

        for (var j = 0; j < Bytes; j++)
        {
            for (var lane = 0; lane < ResidualCodes.BlockSize; lane++)
            {
                sums[lane] += Lookup(j, codes.Codes[offset + (j * ResidualCodes.BlockSize) + lane]);
            }
        }
    }

    /// <summary>
    /// The ranking keys (estimated q·o, or 2q·o − ‖o‖² for L2) and their reach (margin × standard
    /// error) for the 32 vectors of <paramref name="block"/>, eight at a time; returns the lanes
    /// whose key exceeds the seed threshold or whose upper bound reaches the floor (both in
    /// <paramref name="inputs"/>): the only ones the caller needs to look at.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint BlockKeys(ResidualCodes codes, int block, in BlockKeyInputs inputs, Span<float> keys, Span<float> reaches)
    {
        Span<int> sums = stackalloc int[ResidualCodes.BlockSize];
        BlockSums(codes, block, sums);
        var first = block * ResidualCodes.BlockSize;
        ref var factors = ref MemoryMarshal.GetArrayDataReference(codes.Factors);
        ref var errors = ref MemoryMarshal.GetArrayDataReference(codes.Errors);
        ref var codeSums = ref MemoryMarshal.GetArrayDataReference(codes.CodeSums);
        ref var norms = ref MemoryMarshal.GetArrayDataReference(inputs.SquaredNorms);
        var centroidDot = Vector256.Create(inputs.CentroidDot);
        var halfAndOneSum = Vector256.Create(1.5f * _sum);
        var seed = Vector256.Create(inputs.SeedThreshold);
        var floor = Vector256.Create(inputs.Floor);
        var lanes = 0u;
        for (var g = 0; g < ResidualCodes.BlockSize; g += Vector256<float>.Count)
        {
            var at = (nuint)(first + g);
            var factor = Vector256.LoadUnsafe(ref factors, at);
            var selected = (_min * Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref codeSums, at)))
                + (_step * Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(sums), (nuint)g)));

            // q·o ≈ q·c + F·Δ·(q·k − 1.5·Σq), with q·k ≈ min·Σk + step·Σu·k.
            var key = centroidDot + (factor * (selected - halfAndOneSum));
            if (inputs.L2)
            {
                key = (key * 2) - Vector256.LoadUnsafe(ref norms, at);
            }

            // The code's and the query's rounding errors are independent.
            var codeError = Vector256.LoadUnsafe(ref errors, at) * Norm;
            var roundingError = factor * QuantizationError;
            var reach = inputs.Margin * Vector256.Sqrt((codeError * codeError) + (roundingError * roundingError));
            key.StoreUnsafe(ref MemoryMarshal.GetReference(keys), (nuint)g);
            reach.StoreUnsafe(ref MemoryMarshal.GetReference(reaches), (nuint)g);
            lanes |= (Vector256.GreaterThan(key, seed) | Vector256.GreaterThanOrEqual(key + reach, floor)).ExtractMostSignificantBits() << g;
        }

        return lanes;
    }

    private int Quantized(ReadOnlySpan<float> query, int i) =>
        i < query.Length && _step > 0 ? (int)Math.Clamp(MathF.Round((query[i] - _min) / _step), 0, Levels) : 0;

    private int Lookup(int j, byte code) => _tables[(j * 64) + (code & 15)] + _tables[(j * 64) + 32 + (code >> 4)];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BlockSumsAvx2(ref byte data, int from, int to, Span<int> sums)
    {
        ref var tables = ref MemoryMarshal.GetArrayDataReference(_tables);
        var nibble = Vector256.Create((byte)0x0F);
        var lowByte = Vector256.Create((ushort)0x00FF);

        // Even lanes (vectors 0, 2, …) sum in the low byte of each 16-bit word, odd lanes in the high byte.
        var even = Vector256<ushort>.Zero;
        var odd = Vector256<ushort>.Zero;
        for (var j = from; j < to; j++)
        {
            var codeBytes = Vector256.LoadUnsafe(ref data, (nuint)(j * ResidualCodes.BlockSize));
            var low = Avx2.Shuffle(Vector256.LoadUnsafe(ref tables, (nuint)(j * 64)), codeBytes & nibble).AsUInt16();
            var high = Avx2.Shuffle(Vector256.LoadUnsafe(ref tables, (nuint)((j * 64) + 32)), Avx2.ShiftRightLogical(codeBytes.AsUInt16(), 4).AsByte() & nibble).AsUInt16();
            even += (low & lowByte) + (high & lowByte);
            odd += Avx2.ShiftRightLogical(low, 8) + Avx2.ShiftRightLogical(high, 8);
        }

        for (var k = 0; k < 16; k++)
        {
            sums[2 * k] += even.GetElement(k);
            sums[(2 * k) + 1] += odd.GetElement(k);
        }
    }
}
