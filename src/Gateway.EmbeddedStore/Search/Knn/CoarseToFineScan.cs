using System.Buffers;
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
/// seen so far are dropped at once; candidates in the last, unsealed chunk get an int8 score;</item>
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

    private const int MinWordsPerPartition = 512;

    /// <summary>Returns the <paramref name="pool"/> best candidates by int8 key.</summary>
    public static TopKHeap Run(VectorColumnView view, float[] q, DocBits candidates, int k, int pool, out CoarseToFineStats stats)
    {
        var query = new PreparedQuery(view, q);
        var words = (Math.Min(candidates.Length, view.MaxDoc) + 63) >> 6;
        var parts = Math.Clamp(words / MinWordsPerPartition, 1, Environment.ProcessorCount);
        var states = new Partition[parts];
        ForEach(parts, p =>
        {
            var from = words * p / parts;
            var to = words * (p + 1) / parts;
            states[p] = new Partition(CountBits(candidates.Words, from, to), k, pool, pool);
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

        var seeded = new DocBits(view.MaxDoc);
        foreach (var (ord, _) in seeds.ToSortedList())
        {
            seeded.Set(ord);
            fine.Add(query.Int8Key(ord), ord);
        }

        var sorted = fine.ToSortedList();
        var kth = sorted.Count >= k ? sorted[k - 1].Key : float.NegativeInfinity;
        var rescored = new int[parts];
        ForEach(parts, p => rescored[p] = states[p].RescoreReachable(query, kth, seeded));
        foreach (var state in states)
        {
            fine.AddAll(state.Fine);
            state.Release();
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

    private static int CountBits(ulong[] bits, int from, int to)
    {
        var count = 0;
        for (var w = from; w < to; w++)
        {
            count += BitOperations.PopCount(bits[w]);
        }

        return count;
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
    }

    /// <summary>One core's share: its candidates' upper bounds, best estimates and int8 pool.</summary>
    private sealed class Partition
    {
        private int[] _ords;
        private float[] _bounds;

        public Partition(int capacity, int k, int seeds, int pool)
        {
            Floor = new TopKHeap(k);
            _ords = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity));
            _bounds = ArrayPool<float>.Shared.Rent(Math.Max(1, capacity));
            Seeds = new TopKHeap(seeds);
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
            var view = query.View;
            var residual = query.Residual;
            var chunk = view.Chunks[chunkIndex];
            var present = chunk.Present;
            var squaredNorms = chunk.SquaredNorms;
            var factors = codes.Factors;
            var errors = codes.Errors;
            var codeSums = codes.CodeSums;
            var centroidDot = query.CentroidDots[chunkIndex];
            var l2 = query.L2;
            var margin = query.Margin;
            var norm = residual.Norm;
            var rounding = residual.QuantizationError;
            var baseOrd = chunkIndex << VectorColumn.ChunkShift;
            var seedThreshold = Seeds.Threshold;
            var floor = Floor.Threshold;
            var ords = _ords;
            var bounds = _bounds;
            Span<int> sums = stackalloc int[ResidualCodes.BlockSize];
            for (var w = fromWord; w < toWord; w++)
            {
                // A word of candidates is two blocks of 32 vectors.
                for (var half = 0; half < 2; half++)
                {
                    var mask = (uint)(bits[w] >> (half * 32));
                    if (mask == 0)
                    {
                        continue;
                    }

                    var firstOrd = (w << 6) + (half * 32);
                    residual.BlockSums(codes, (firstOrd - baseOrd) >> ResidualCodes.BlockShift, sums);
                    while (mask != 0)
                    {
                        var lane = BitOperations.TrailingZeroCount(mask);
                        mask &= mask - 1;
                        var ord = firstOrd + lane;
                        var slot = ord - baseOrd;
                        if (!present[slot])
                        {
                            continue;
                        }

                        Estimated++;
                        var factor = factors[slot];
                        var dot = centroidDot + residual.ResidualDot(sums[lane], codeSums[slot], factor);
                        var key = l2 ? (2 * dot) - squaredNorms[slot] : dot;

                        // Ordinals ascend within a partition, so an equal key is never better than a kept one.
                        if (key > seedThreshold)
                        {
                            Seeds.Add(key, ord);
                            seedThreshold = Seeds.Threshold;
                        }

                        // The code's and the query's rounding errors are independent.
                        var codeError = errors[slot] * norm;
                        var roundingError = factor * rounding;
                        var reach = margin * MathF.Sqrt((codeError * codeError) + (roundingError * roundingError));
                        if (key - reach > floor)
                        {
                            Floor.Add(key - reach, ord);
                            floor = Floor.Threshold;
                        }

                        if (key + reach >= floor)
                        {
                            ords[n] = ord;
                            bounds[n] = key + reach;
                            n++;
                        }
                    }
                }
            }

            return n;
        }

        private void Int8Chunk(PreparedQuery query, ulong[] bits, int fromWord, int toWord)
        {
            var view = query.View;
            for (var w = fromWord; w < toWord; w++)
            {
                var word = bits[w];
                while (word != 0)
                {
                    var ord = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    if (view.Has(ord))
                    {
                        Fine.Add(query.Int8Key(ord), ord);
                    }
                }
            }
        }

        /// <summary>Re-scores in int8 every unseeded candidate whose bound reaches <paramref name="kth"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int RescoreReachable(PreparedQuery query, float kth, DocBits seeded)
        {
            Fine = new TopKHeap(Fine.Capacity);
            var rescored = 0;
            for (var i = 0; i < Kept; i++)
            {
                var ord = _ords[i];
                if (_bounds[i] >= kth && !seeded[ord])
                {
                    Fine.Add(query.Int8Key(ord), ord);
                    rescored++;
                }
            }

            return rescored;
        }

        public void Release()
        {
            ArrayPool<int>.Shared.Return(_ords);
            ArrayPool<float>.Shared.Return(_bounds);
            _ords = [];
            _bounds = [];
        }
    }
}
