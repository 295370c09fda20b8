using System.Numerics;
using System.Numerics.Tensors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// Top-k nearest neighbours over a vector column restricted to candidate ordinals. Small
/// candidate sets are scanned exactly in float; large ones go through the two-bit and int8
/// passes of <see cref="CoarseToFineScan"/>, and its best few hundred are re-scored exactly.
/// Every pass splits the candidate range across the available cores.
/// </summary>
internal static class VectorScan
{
    /// <summary>
    /// Below this many candidates the exact float scan is used. Above it the two-bit pass reads
    /// a sixteenth of the bytes, and the scan is bound by memory bandwidth, so it wins early.
    /// </summary>
    public const int ExactScanLimit = 4_096;

    /// <summary>Smallest re-rank pool drawn from the int8 pass.</summary>
    public const int MinRerank = 200;

    private const int MinWordsPerPartition = 512;

    /// <summary>Returns up to <paramref name="k"/> (ordinal, score) pairs, best first.</summary>
    public static List<(int Ord, float Score)> TopK(VectorColumnView view, float[] query, DocBits candidates, int k, int numCandidates, bool forceExact = false)
    {
        var similarity = view.Similarity;
        var q = query;
        var exactOnly = VectorElementTypes.IsByteValued(view.ElementType);
        forceExact |= exactOnly;
        if (similarity == VectorSimilarity.Cosine && !exactOnly)
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
            var coarse = CoarseToFineScan.Run(view, q, candidates, Math.Min(k, count), pool, out _);
            best = new TopKHeap(Math.Min(k, count));
            foreach (var (ord, _) in coarse.ToSortedList())
            {
                best.Add(VectorScoring.ExactScore(similarity, q, view.Vector(ord)), ord);
            }
        }

        return best.ToSortedList();
    }

    /// <summary>How many cores a scan over <paramref name="words"/> words of candidates should use.</summary>
    public static int Partitions(int words) => Math.Clamp(words / MinWordsPerPartition, 1, Environment.ProcessorCount);

    private static TopKHeap Partitioned(DocBits candidates, int maxDoc, int capacity, Action<int, int, TopKHeap> scan)
    {
        var words = (Math.Min(candidates.Length, maxDoc) + 63) >> 6;
        var parts = Partitions(words);
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
        var element = view.ElementType;
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
                    heap.Add(VectorScoring.ExactScore(similarity, element, q, view.Vector(ord)), ord);
                }
            }
        }
    }
}
