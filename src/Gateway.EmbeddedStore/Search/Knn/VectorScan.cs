using System.Numerics;
using System.Numerics.Tensors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// Top-k nearest neighbours over a vector column restricted to candidate ordinals. Small
/// candidate sets are scanned exactly in float; large ones get an int8 first pass over every
/// candidate, and the best few hundred are re-scored exactly. Both passes split the candidate
/// range across the available cores.
/// </summary>
internal static class VectorScan
{
    /// <summary>
    /// Below this many candidates the exact float scan is used. Above it the int8 pass reads a
    /// quarter of the bytes, and the scan is bound by memory bandwidth, so it wins early.
    /// </summary>
    public const int ExactScanLimit = 4_096;

    /// <summary>Upper bound of the re-rank pool drawn from the int8 pass.</summary>
    public const int MinRerank = 200;

    private const int MinWordsPerPartition = 512;

    /// <summary>Returns up to <paramref name="k"/> (ordinal, score) pairs, best first.</summary>
    public static List<(int Ord, float Score)> TopK(VectorColumnView view, float[] query, DocBits candidates, int k, int numCandidates, bool forceExact = false)
    {
        var similarity = view.Similarity;
        var q = query;
        if (similarity == VectorSimilarity.Cosine)
        {
            q = (float[])query.Clone();
            var norm = TensorPrimitives.Norm(q);
            if (norm > 0)
            {
                TensorPrimitives.Divide(q, norm, q);
            }
        }

        var count = candidates.Count();
        if (count == 0 || k <= 0)
        {
            return [];
        }

        TopKHeap best;
        if (forceExact || count <= ExactScanLimit || view.Dims < 32)
        {
            best = Partitioned(candidates, view.MaxDoc, Math.Min(k, count), (from, to, heap) => ExactPartition(view, q, candidates, from, to, heap));
        }
        else
        {
            var pool = Math.Min(count, Math.Max(MinRerank, Math.Max(numCandidates, k) * 4));
            var qq = new sbyte[q.Length];
            var qScale = Int8Quantizer.Quantize(q, qq, out _);
            var uq = Int8Quantizer.ToUnsigned(qq);
            var coarse = Partitioned(candidates, view.MaxDoc, pool, (from, to, heap) => QuantizedPartition(view, qq, uq, qScale, candidates, from, to, heap));
            best = new TopKHeap(Math.Min(k, count));
            foreach (var (ord, _) in coarse.ToSortedList())
            {
                best.Add(VectorScoring.ExactScore(similarity, q, view.Vector(ord)), ord);
            }
        }

        return best.ToSortedList();
    }

    private static TopKHeap Partitioned(DocBits candidates, int maxDoc, int capacity, Action<int, int, TopKHeap> scan)
    {
        var words = (Math.Min(candidates.Length, maxDoc) + 63) >> 6;
        var parts = Math.Clamp(words / MinWordsPerPartition, 1, Environment.ProcessorCount);
        if (parts == 1)
        {
            var heap = new TopKHeap(capacity);
            scan(0, words, heap);
            return heap;
        }

        var heaps = new TopKHeap[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, p =>
        {
            heaps[p] = new TopKHeap(capacity);
            scan(words * p / parts, words * (p + 1) / parts, heaps[p]);
        });
        for (var p = 1; p < parts; p++)
        {
            heaps[0].AddAll(heaps[p]);
        }

        return heaps[0];
    }

    private static void ExactPartition(VectorColumnView view, float[] q, DocBits candidates, int fromWord, int toWord, TopKHeap heap)
    {
        var similarity = view.Similarity;
        var bits = candidates.Words;
        for (var w = fromWord; w < toWord; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var ord = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                if (view.Has(ord))
                {
                    heap.Add(VectorScoring.ExactScore(similarity, q, view.Vector(ord)), ord);
                }
            }
        }
    }

    private static void QuantizedPartition(VectorColumnView view, sbyte[] qq, byte[] uq, float qScale, DocBits candidates, int fromWord, int toWord, TopKHeap heap)
    {
        var l2 = view.Similarity == VectorSimilarity.L2Norm;
        var bits = candidates.Words;
        var chunks = view.Chunks;
        for (var w = fromWord; w < toWord; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                var ord = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                if (ord >= view.MaxDoc)
                {
                    return;
                }

                var chunk = chunks[ord >> VectorColumn.ChunkShift];
                var slot = ord & (VectorColumn.ChunkSize - 1);
                if (!chunk.Present[slot])
                {
                    continue;
                }

                var dot = Int8Quantizer.Dot(uq, qq, chunk.QuantizedVector(slot), chunk.QuantizedSums[slot]) * qScale * chunk.Scales[slot];

                // For L2 the ranking key −‖q−d‖² + ‖q‖² = 2q·d − ‖d‖² keeps the same order.
                heap.Add(l2 ? (2 * dot) - chunk.SquaredNorms[slot] : dot, ord);
            }
        }
    }
}
