using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// The approximate first passes of <see cref="VectorScan"/> for large candidate sets:
/// <list type="number">
/// <item>every candidate in a full chunk gets a two-bit estimate (<see cref="ResidualCodes"/>, 192
/// bytes per 768-d vector, 32 vectors at a time) and an upper bound (estimate +
/// <see cref="Confidence"/> standard errors); those whose bound is below the k best lower bounds
/// seen so far are dropped at once; candidates in the last, unsealed chunk or in a block with few
/// candidates (<see cref="SparseBlock"/>) get an int8 score directly;</item>
/// <item>the <c>pool</c> best estimates are re-scored in int8, which gives a lower bound of the
/// k-th best score;</item>
/// <item>every other candidate whose upper bound reaches that k-th score is re-scored in int8.</item>
/// </list>
/// The caller re-scores the returned int8 pool exactly in float. Each pass splits its work across
/// the cores.
/// </summary>
internal static class CoarseToFineScan
{
    /// <summary>
    /// Margin, in standard errors of the two-bit estimate, below the k-th best score that a
    /// candidate may have and still be re-scored: a true top-k vector is lost only if its estimate
    /// errs by more than this (0.13 % for a normal error).
    /// </summary>
    public const float Confidence = 3f;

    /// <summary>
    /// A block of 32 vectors with at most this many candidates (as under a selective filter) is
    /// scored in int8 directly, reading 768 bytes per candidate instead of the block's 6 KB of
    /// codes. Measured on 768-d vectors: a block costs about as much as 2.3 int8 candidates.
    /// </summary>
    public const int SparseBlock = 2;

    /// <summary>Returns the <paramref name="pool"/> best candidates by int8 key.</summary>
    public static TopKHeap Run(VectorColumnView view, float[] q, DocBits candidates, int k, int pool, out CoarseToFineStats stats)
    {
        var query = new CoarseToFineQuery(view, q);
        var words = (Math.Min(candidates.Length, view.MaxDoc) + 63) >> 6;
        var parts = VectorScan.Partitions(words);
        var states = new CoarseToFinePartition[parts];
        ForEach(parts, p =>
        {
            var from = words * p / parts;
            var to = words * (p + 1) / parts;
            states[p] = new CoarseToFinePartition(k, pool);
            states[p].ScanEstimates(query, candidates.Words, from, to);
        });

        // Seeds: the best estimates, re-scored in int8; their k-th best bounds the k-th true score.
        var seeds = new TopKHeap(pool);
        var fine = new TopKHeap(pool);
        foreach (var state in states)
        {
            seeds.AddAll(state.Seeds);
            fine.AddAll(state.Fine);
        }

        var seeded = new HashSet<int>(seeds.Count);
        foreach (var (ord, _) in seeds.ToSortedList())
        {
            seeded.Add(ord);
            fine.Add(query.Int8Key(ord), ord);
        }

        var sorted = fine.ToSortedList();
        var kth = sorted.Count >= k ? sorted[k - 1].Key : float.NegativeInfinity;
        var rescored = new int[parts];
        ForEach(parts, p => rescored[p] = states[p].RescoreReachable(query, kth, seeded));
        foreach (var state in states)
        {
            fine.AddAll(state.Fine);
        }

        stats = new CoarseToFineStats(states.Sum(s => s.Estimated), seeds.Count, rescored.Sum());
        return fine;
    }

    private static void ForEach(int parts, Action<int> body)
    {
        if (parts == 1)
        {
            body(0);
        }
        else
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, body);
        }
    }
}
