using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Symmetric per-vector int8 quantisation and the int8 dot-product kernels.</summary>
internal static class Int8Quantizer
{
    /// <summary>Quantises <paramref name="source"/> into [-127, 127]; returns the scale.</summary>
    public static float Quantize(ReadOnlySpan<float> source, Span<sbyte> target, out int sum)
    {
        var maxAbs = TensorPrimitives.MaxMagnitude(source);
        maxAbs = Math.Abs(maxAbs);
        sum = 0;
        if (maxAbs == 0 || float.IsNaN(maxAbs))
        {
            target.Clear();
            return 0;
        }

        var inverse = 127f / maxAbs;
        for (var i = 0; i < source.Length; i++)
        {
            var q = (sbyte)Math.Clamp(MathF.Round(source[i] * inverse), -127, 127);
            target[i] = q;
            sum += q;
        }

        return maxAbs / 127f;
    }

    /// <summary>Turns a signed quantised query into the unsigned (q + 128) form the VNNI kernel takes.</summary>
    public static byte[] ToUnsigned(ReadOnlySpan<sbyte> query)
    {
        var result = new byte[query.Length];
        for (var i = 0; i < query.Length; i++)
        {
            result[i] = (byte)(query[i] + 128);
        }

        return result;
    }

    /// <summary>
    /// Σ query[i]·doc[i] where <paramref name="unsignedQuery"/> holds query+128 and
    /// <paramref name="docSum"/> is Σ doc[i]: Σ(q+128)·d − 128·Σd.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<byte> unsignedQuery, ReadOnlySpan<sbyte> signedQuery, ReadOnlySpan<sbyte> doc, int docSum)
    {
        if (AvxVnni.IsSupported && doc.Length >= 32)
        {
            return DotVnni(unsignedQuery, doc, docSum);
        }

        if (Avx2.IsSupported && doc.Length >= 32)
        {
            return DotAvx2(signedQuery, doc);
        }

        return DotPortable(signedQuery, doc);
    }

    /// <summary>
    /// <see cref="Dot"/> of one query with four documents in one interleaved loop, so that the
    /// four documents' cache misses overlap (the filtered scan jumps from vector to vector).
    /// </summary>
    public static void Dot4(ReadOnlySpan<byte> unsignedQuery, ReadOnlySpan<sbyte> signedQuery, ReadOnlySpan<sbyte> d0, ReadOnlySpan<sbyte> d1, ReadOnlySpan<sbyte> d2, ReadOnlySpan<sbyte> d3, ReadOnlySpan<int> docSums, Span<int> results)
    {
        var n = signedQuery.Length;
        if (AvxVnni.IsSupported || !Avx2.IsSupported || n < 32 || d0.Length != n || d1.Length != n || d2.Length != n || d3.Length != n)
        {
            results[0] = Dot(unsignedQuery, signedQuery, d0, docSums[0]);
            results[1] = Dot(unsignedQuery, signedQuery, d1, docSums[1]);
            results[2] = Dot(unsignedQuery, signedQuery, d2, docSums[2]);
            results[3] = Dot(unsignedQuery, signedQuery, d3, docSums[3]);
            return;
        }

        Dot4Avx2(signedQuery, d0, d1, d2, d3, results);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4Avx2(ReadOnlySpan<sbyte> query, ReadOnlySpan<sbyte> d0, ReadOnlySpan<sbyte> d1, ReadOnlySpan<sbyte> d2, ReadOnlySpan<sbyte> d3, Span<int> results)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var r0 = ref MemoryMarshal.GetReference(d0);
        ref var r1 = ref MemoryMarshal.GetReference(d1);
        ref var r2 = ref MemoryMarshal.GetReference(d2);
        ref var r3 = ref MemoryMarshal.GetReference(d3);
        var ones = Vector256.Create((short)1);
        Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
        var i = 0;
        var n = query.Length;
        for (; i + 32 <= n; i += 32)
        {
            var qv = Vector256.LoadUnsafe(ref q, (nuint)i);
            a0 += ProductAvx2(qv, Vector256.LoadUnsafe(ref r0, (nuint)i), ones);
            a1 += ProductAvx2(qv, Vector256.LoadUnsafe(ref r1, (nuint)i), ones);
            a2 += ProductAvx2(qv, Vector256.LoadUnsafe(ref r2, (nuint)i), ones);
            a3 += ProductAvx2(qv, Vector256.LoadUnsafe(ref r3, (nuint)i), ones);
        }

        int t0 = Vector256.Sum(a0), t1 = Vector256.Sum(a1), t2 = Vector256.Sum(a2), t3 = Vector256.Sum(a3);
        for (; i < n; i++)
        {
            var qi = Unsafe.Add(ref q, i);
            t0 += qi * Unsafe.Add(ref r0, i);
            t1 += qi * Unsafe.Add(ref r1, i);
            t2 += qi * Unsafe.Add(ref r2, i);
            t3 += qi * Unsafe.Add(ref r3, i);
        }

        results[0] = t0;
        results[1] = t1;
        results[2] = t2;
        results[3] = t3;
    }

    // vpmaddubsw multiplies unsigned by signed bytes: |q| × (d·sign q) = q·d, and with both in
    // [-127, 127] the pairwise sums (≤ 2·127·127) cannot saturate the 16-bit lanes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DotAvx2(ReadOnlySpan<sbyte> query, ReadOnlySpan<sbyte> doc)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var d = ref MemoryMarshal.GetReference(doc);
        var ones = Vector256.Create((short)1);
        var acc0 = Vector256<int>.Zero;
        var acc1 = Vector256<int>.Zero;
        var i = 0;
        var n = doc.Length;
        for (; i + 64 <= n; i += 64)
        {
            acc0 += ProductAvx2(Vector256.LoadUnsafe(ref q, (nuint)i), Vector256.LoadUnsafe(ref d, (nuint)i), ones);
            acc1 += ProductAvx2(Vector256.LoadUnsafe(ref q, (nuint)(i + 32)), Vector256.LoadUnsafe(ref d, (nuint)(i + 32)), ones);
        }

        for (; i + 32 <= n; i += 32)
        {
            acc0 += ProductAvx2(Vector256.LoadUnsafe(ref q, (nuint)i), Vector256.LoadUnsafe(ref d, (nuint)i), ones);
        }

        var total = Vector256.Sum(acc0 + acc1);
        for (; i < n; i++)
        {
            total += Unsafe.Add(ref q, i) * Unsafe.Add(ref d, i);
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> ProductAvx2(Vector256<sbyte> q, Vector256<sbyte> d, Vector256<short> ones) =>
        Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Avx2.Abs(q), Avx2.Sign(d, q)), ones);

    private static int DotVnni(ReadOnlySpan<byte> unsignedQuery, ReadOnlySpan<sbyte> doc, int docSum)
    {
        ref var q = ref MemoryMarshal.GetReference(unsignedQuery);
        ref var d = ref MemoryMarshal.GetReference(doc);
        var acc0 = Vector256<int>.Zero;
        var acc1 = Vector256<int>.Zero;
        var i = 0;
        var n = doc.Length;
        for (; i + 64 <= n; i += 64)
        {
            acc0 = AvxVnni.MultiplyWideningAndAdd(acc0, Vector256.LoadUnsafe(ref q, (nuint)i), Vector256.LoadUnsafe(ref d, (nuint)i));
            acc1 = AvxVnni.MultiplyWideningAndAdd(acc1, Vector256.LoadUnsafe(ref q, (nuint)(i + 32)), Vector256.LoadUnsafe(ref d, (nuint)(i + 32)));
        }

        for (; i + 32 <= n; i += 32)
        {
            acc0 = AvxVnni.MultiplyWideningAndAdd(acc0, Vector256.LoadUnsafe(ref q, (nuint)i), Vector256.LoadUnsafe(ref d, (nuint)i));
        }

        var total = Vector256.Sum(acc0 + acc1);
        for (; i < n; i++)
        {
            total += Unsafe.Add(ref q, i) * Unsafe.Add(ref d, i);
        }

        return total - (128 * docSum);
    }

    private static int DotPortable(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var total = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<int>.Zero;
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            for (; i + 32 <= a.Length; i += 32)
            {
                var (alo, ahi) = Vector256.Widen(Vector256.LoadUnsafe(ref ra, (nuint)i));
                var (blo, bhi) = Vector256.Widen(Vector256.LoadUnsafe(ref rb, (nuint)i));
                var (p0, p1) = Vector256.Widen(alo * blo);
                var (p2, p3) = Vector256.Widen(ahi * bhi);
                acc += p0 + p1 + p2 + p3;
            }

            total = Vector256.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
