using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Gateway.EmbeddedStore.Mapping;
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
        var query = new PreparedQuery(view, q);
        var words = (Math.Min(candidates.Length, view.MaxDoc) + 63) >> 6;
        var parts = VectorScan.Partitions(words);
        var states = new Partition[parts];
        ForEach(parts, p =>
        {
            var from = words * p / parts;
            var to = words * (p + 1) / parts;
            states[p] = new Partition(k, pool);
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

    /// <summary>The query in every form the passes need, and the per-chunk centroid products.</summary>
    private sealed class PreparedQuery
    {
        private readonly sbyte[] _int8;
        private readonly byte[] _unsigned;
        private readonly float _int8Scale;

        public PreparedQuery(VectorColumnView view, float[] q)
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
            Margin = Confidence * (L2 ? 2 : 1);
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

    /// <summary>One core's share: its candidates' upper bounds, best estimates and int8 pool.</summary>
    private sealed class Partition
    {
        // Candidates kept for the re-score pass; few survive the floor, so these start small.
        private int[] _ords = new int[1024];
        private float[] _bounds = new float[1024];

        public Partition(int k, int pool)
        {
            Floor = new TopKHeap(k);
            Seeds = new TopKHeap(pool);
            Fine = new TopKHeap(pool);
        }

        public TopKHeap Seeds { get; }

        /// <summary>The k best lower bounds (estimate − margin): a candidate below them cannot be in the top k.</summary>
        public TopKHeap Floor { get; }

        public TopKHeap Fine { get; private set; }

        /// <summary>Candidates that got an estimate.</summary>
        public int Estimated { get; private set; }

        /// <summary>Candidates whose upper bound reached the floor when they were seen.</summary>
        public int Kept { get; private set; }

        public void ScanEstimates(PreparedQuery query, ulong[] bits, int fromWord, int toWord)
        {
            var view = query.View;
            var maxWord = Math.Min(toWord, (view.MaxDoc + 63) >> 6);
            var n = 0;

            // Chunk by chunk, so that the chunk's arrays are looked up once per 4 096 ordinals.
            const int wordsPerChunk = VectorColumn.ChunkSize >> 6;
            for (var w = fromWord; w < maxWord;)
            {
                var chunkIndex = w / wordsPerChunk;
                var end = Math.Min(maxWord, (chunkIndex + 1) * wordsPerChunk);
                if (query.Codes[chunkIndex] is { } codes)
                {
                    n = EstimateChunk(query, codes, chunkIndex, bits, w, end, n);
                }
                else
                {
                    Int8Chunk(query, bits, w, end);
                }

                w = end;
            }

            Kept = n;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int EstimateChunk(PreparedQuery query, ResidualCodes codes, int chunkIndex, ulong[] bits, int fromWord, int toWord, int n)
        {
            var residual = query.Residual;
            var squaredNorms = query.View.Chunks[chunkIndex].SquaredNorms;
            var centroidDot = query.CentroidDots[chunkIndex];
            var baseOrd = chunkIndex << VectorColumn.ChunkShift;
            var seedThreshold = Seeds.Threshold;
            var floor = Floor.Threshold;
            var estimated = 0;
            Span<float> keys = stackalloc float[ResidualCodes.BlockSize];
            Span<float> reaches = stackalloc float[ResidualCodes.BlockSize];
            for (var w = fromWord; w < toWord; w++)
            {
                // A word of candidates is two blocks of 32 vectors.
                for (var half = 0; half < 2; half++)
                {
                    var firstOrd = (w << 6) + (half * 32);
                    var block = (firstOrd - baseOrd) >> ResidualCodes.BlockShift;
                    var mask = (uint)(bits[w] >> (half * 32)) & codes.PresentMasks[block];
                    if (mask == 0)
                    {
                        continue;
                    }

                    if (BitOperations.PopCount(mask) <= SparseBlock)
                    {
                        ScoreInt8(query, firstOrd, mask);
                        continue;
                    }

                    estimated += BitOperations.PopCount(mask);
                    var inputs = new BlockKeyInputs(centroidDot, query.L2, squaredNorms, query.Margin, seedThreshold, floor);
                    var lanes = residual.BlockKeys(codes, block, inputs, keys, reaches) & mask;
                    while (lanes != 0)
                    {
                        var lane = BitOperations.TrailingZeroCount(lanes);
                        lanes &= lanes - 1;
                        var ord = firstOrd + lane;
                        var key = keys[lane];
                        var reach = reaches[lane];

                        // Ordinals ascend within a partition, so an equal key is never better than a kept one.
                        if (key > seedThreshold)
                        {
                            Seeds.Add(key, ord);
                            seedThreshold = Seeds.Threshold;
                        }

                        if (key - reach > floor)
                        {
                            Floor.Add(key - reach, ord);
                            floor = Floor.Threshold;
                        }

                        if (key + reach >= floor)
                        {
                            Keep(n++, ord, key + reach);
                        }
                    }
                }
            }

            Estimated += estimated;
            return n;
        }

        private void Keep(int i, int ord, float bound)
        {
            if (i == _ords.Length)
            {
                Array.Resize(ref _ords, i * 2);
                Array.Resize(ref _bounds, i * 2);
            }

            _ords[i] = ord;
            _bounds[i] = bound;
        }

        private void Int8Chunk(PreparedQuery query, ulong[] bits, int fromWord, int toWord)
        {
            for (var w = fromWord; w < toWord; w++)
            {
                ScoreInt8(query, w << 6, (uint)bits[w]);
                ScoreInt8(query, (w << 6) + 32, (uint)(bits[w] >> 32));
            }
        }

        // The candidates of one block (one chunk), four at a time so that their cache misses overlap.
        private void ScoreInt8(PreparedQuery query, int firstOrd, uint mask)
        {
            Span<int> ords = stackalloc int[ResidualCodes.BlockSize];
            Span<float> keys = stackalloc float[4];
            var count = 0;
            while (mask != 0)
            {
                var ord = firstOrd + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                if (query.View.Has(ord))
                {
                    ords[count++] = ord;
                }
            }

            var i = 0;
            for (; i + 4 <= count; i += 4)
            {
                query.Int8Keys(ords.Slice(i, 4), keys);
                for (var j = 0; j < 4; j++)
                {
                    Fine.Add(keys[j], ords[i + j]);
                }
            }

            for (; i < count; i++)
            {
                Fine.Add(query.Int8Key(ords[i]), ords[i]);
            }
        }

        /// <summary>Re-scores in int8 every unseeded candidate whose bound reaches <paramref name="kth"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int RescoreReachable(PreparedQuery query, float kth, HashSet<int> seeded)
        {
            Fine = new TopKHeap(Fine.Capacity);
            var rescored = 0;
            for (var i = 0; i < Kept; i++)
            {
                var ord = _ords[i];
                if (_bounds[i] >= kth && !seeded.Contains(ord))
                {
                    Fine.Add(query.Int8Key(ord), ord);
                    rescored++;
                }
            }

            return rescored;
        }
    }
}
