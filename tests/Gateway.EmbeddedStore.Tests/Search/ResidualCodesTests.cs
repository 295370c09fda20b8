using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class ResidualCodesTests
{
    private const int Dims = 768;

    private static float[] Gaussian(Random random, int dims = Dims, float offset = 0)
    {
        var v = new float[dims];
        for (var i = 0; i < dims; i++)
        {
            v[i] = offset + (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return v;
    }

    private static VectorChunk FullChunk(int seed, int present, int dims = Dims, float offset = 0)
    {
        var chunk = new VectorChunk(dims);
        var random = new Random(seed);
        for (var slot = 0; slot < present; slot++)
        {
            chunk.Set(slot, Gaussian(random, dims, offset), normalize: true);
        }

        return chunk;
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }

        return sum;
    }

    [Fact]
    public void Build_StoresResidualLevelsAndTheUnbiasingFactor()
    {
        const int dims = 102; // a partial last byte
        var chunk = FullChunk(seed: 1, present: 100, dims);
        var codes = ResidualCodes.Build(chunk);
        var centroid = new double[dims];
        for (var slot = 0; slot < 100; slot++)
        {
            for (var i = 0; i < dims; i++)
            {
                centroid[i] += chunk.Vector(slot)[i] / 100.0;
            }
        }

        for (var slot = 0; slot < 100; slot++)
        {
            var r = Enumerable.Range(0, dims).Select(i => chunk.Vector(slot)[i] - centroid[i]).ToArray();
            var levels = Enumerable.Range(0, dims).Select(i => codes.Level(slot, i)).ToArray();
            var step = 0.9957 * Math.Sqrt(r.Sum(x => x * x) / dims);
            for (var i = 0; i < dims; i++)
            {
                // Level k covers [(k − 2)·Δ, (k − 1)·Δ), the outer levels are open-ended.
                var expected = Math.Clamp((int)Math.Floor(r[i] / step) + 2, 0, 3);
                Assert.True(levels[i] == expected || Math.Abs(r[i] - (Math.Round(r[i] / step) * step)) < 1e-5, $"slot {slot} component {i}");
            }

            var levelDotResidual = Enumerable.Range(0, dims).Sum(i => (levels[i] - 1.5) * step * r[i]);
            Assert.Equal(levels.Sum(), codes.CodeSums[slot]);
            Assert.Equal(r.Sum(x => x * x) / levelDotResidual * step, codes.Factors[slot], 1e-4);
            Assert.Equal(0, codes.Codes[codes.Offset(slot, 25)] >> 4); // padding bits of the last byte stay clear
        }

        Assert.Equal(0, codes.Factors[100]); // absent slots are not coded
    }

    [Theory]
    [InlineData(768)]
    [InlineData(130)] // a partial last byte and nibble
    public void BlockSums_AreTheQuerysFiveBitValuesTimesTheLevels(int dims)
    {
        var chunk = FullChunk(seed: 2, present: 70, dims);
        var codes = ResidualCodes.Build(chunk);
        var query = Gaussian(new Random(3), dims);
        var residual = new ResidualQuery(query);
        float min = query.Min(), step = (query.Max() - min) / ResidualQuery.Levels;
        var sums = new int[ResidualCodes.BlockSize];
        for (var block = 0; block < 3; block++)
        {
            residual.BlockSums(codes, block, sums);
            for (var lane = 0; lane < ResidualCodes.BlockSize; lane++)
            {
                var slot = (block * ResidualCodes.BlockSize) + lane;
                var expected = 0;
                for (var i = 0; i < dims; i++)
                {
                    expected += codes.Level(slot, i) * (int)Math.Clamp(MathF.Round((query[i] - min) / step), 0, ResidualQuery.Levels);
                }

                Assert.Equal(expected, sums[lane]);
            }
        }
    }

    [Fact]
    public void Estimate_DiffersFromTheExactResidualProductByAtMostTheQueryRounding()
    {
        var chunk = FullChunk(seed: 3, present: 50);
        var codes = ResidualCodes.Build(chunk);
        var query = Gaussian(new Random(4));
        var residual = new ResidualQuery(query);
        var step = (query.Max() - query.Min()) / ResidualQuery.Levels;
        for (var slot = 0; slot < 50; slot++)
        {
            // F·Δ·(q·k − 1.5·Σq) computed in float, against the 5-bit-query estimate.
            double product = 0;
            for (var i = 0; i < Dims; i++)
            {
                product += (codes.Level(slot, i) - 1.5) * query[i];
            }

            var exact = codes.Factors[slot] * product;
            var bound = codes.Factors[slot] * codes.CodeSums[slot] * step / 2;
            Assert.InRange(residual.EstimateResidualDot(codes, slot), exact - bound - 1e-4, exact + bound + 1e-4);
        }
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.5f)] // a shared offset, as real embeddings have: the centroid removes it
    public void Estimate_IsUnbiasedAndWithinItsStandardError(float offset)
    {
        var chunk = FullChunk(seed: 5, present: VectorColumn.ChunkSize, offset: offset);
        var codes = ResidualCodes.Build(chunk);
        var query = Gaussian(new Random(6), Dims, offset);
        var norm = (float)Math.Sqrt(Dot(query, query));
        for (var i = 0; i < Dims; i++)
        {
            query[i] /= norm;
        }

        var residual = new ResidualQuery(query);
        var centroidDot = Dot(query, codes.Centroid);
        double sum = 0, squares = 0, outside = 0;
        for (var slot = 0; slot < VectorColumn.ChunkSize; slot++)
        {
            var error = centroidDot + residual.EstimateResidualDot(codes, slot) - Dot(query, chunk.Vector(slot));
            var sigma = Math.Sqrt(Math.Pow(codes.Errors[slot] * residual.Norm, 2) + Math.Pow(codes.Factors[slot] * residual.QuantizationError, 2));
            sum += error / sigma;
            squares += error * error / (sigma * sigma);
            outside += Math.Abs(error) > CoarseToFineScan.Confidence * sigma ? 1 : 0;
        }

        // A normal error leaves 0.27 % outside 3 standard deviations (both sides).
        Assert.InRange(sum / VectorColumn.ChunkSize, -0.1, 0.1);
        Assert.InRange(Math.Sqrt(squares / VectorColumn.ChunkSize), 0.8, 1.2);
        Assert.True(outside / VectorColumn.ChunkSize < 0.006, $"{outside} of {VectorColumn.ChunkSize} estimates outside {CoarseToFineScan.Confidence} standard errors");
    }

    [Fact]
    public void Column_SealsAChunkOnceTheNextOneIsWritten()
    {
        var column = new VectorColumn("v", 8, VectorSimilarity.DotProduct);
        var random = new Random(7);
        for (var ord = 0; ord < VectorColumn.ChunkSize; ord++)
        {
            column.Set(ord, Gaussian(random, 8));
        }

        Assert.Null(column.Chunks[0].Residual);
        column.Set(VectorColumn.ChunkSize + 3, Gaussian(random, 8));
        Assert.NotNull(column.Chunks[0].Residual);
        Assert.Null(column.Chunks[1].Residual);
        Assert.Equal(VectorColumn.ChunkSize, Enumerable.Range(0, VectorColumn.ChunkSize).Count(s => column.Chunks[0].Residual!.Factors[s] > 0));
        Assert.Equal(2, column.Chunks[0].Residual!.Bytes);
    }
}
