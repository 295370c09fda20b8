using System.Numerics;
using System.Runtime.CompilerServices;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>One core's share: its candidates' upper bounds, best estimates and int8 pool.</summary>
internal sealed class CoarseToFinePartition
{
    // Candidates kept for the re-score pass; few survive the floor, so these start small.
    private int[] _ords = new int[1024];
    private float[] _bounds = new float[1024];

    public CoarseToFinePartition(int k, int pool)
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

    public void ScanEstimates(CoarseToFineQuery query, ulong[] bits, int fromWord, int toWord)
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
    private int EstimateChunk(CoarseToFineQuery query, ResidualCodes codes, int chunkIndex, ulong[] bits, int fromWord, int toWord, int n)
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

                if (BitOperations.PopCount(mask) <= CoarseToFineScan.SparseBlock)
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

    private void Int8Chunk(CoarseToFineQuery query, ulong[] bits, int fromWord, int toWord)
    {
        for (var w = fromWord; w < toWord; w++)
        {
            ScoreInt8(query, w << 6, (uint)bits[w]);
            ScoreInt8(query, (w << 6) + 32, (uint)(bits[w] >> 32));
        }
    }

    // The candidates of one block (one chunk), four at a time so that their cache misses overlap.
    private void ScoreInt8(CoarseToFineQuery query, int firstOrd, uint mask)
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
    public int RescoreReachable(CoarseToFineQuery query, float kth, HashSet<int> seeded)
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
