using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class VectorScanTests
{
    private const int Dims = 64;

    private static (SearchShard Shard, FieldMapping Field) RandomShard(int count, VectorSimilarity similarity, int seed, int dims = Dims)
    {
        var field = new FieldMapping { Path = "v", Kind = FieldKind.DenseVector, Definition = new JsonObject(), Dims = dims, Similarity = similarity };
        var shard = new SearchShard("bench", new IndexMapping([field]));
        var random = new Random(seed);
        AddRandom(shard, field, random, 0, count);
        shard.Refresh();
        return (shard, field);
    }

    private static void AddRandom(SearchShard shard, FieldMapping field, Random random, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var values = new Dictionary<string, FieldValues> { ["v"] = new() { Mapping = field, Vector = RandomVector(random, field.Dims!.Value) } };
            shard.Upsert(new ParsedDocument { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = [], Version = 1, SeqNo = i, PrimaryTerm = 1, Fields = values });
        }
    }

    private static float[] RandomVector(Random random, int dims = Dims)
    {
        var v = new float[dims];
        for (var d = 0; d < dims; d++)
        {
            v[d] = (float)((random.NextDouble() * 2) - 1);
        }

        return v;
    }

    private static double Recall(VectorColumnView view, DocBits candidates, int queries, int seed, int dims)
    {
        var random = new Random(seed);
        double found = 0, wanted = 0;
        for (var q = 0; q < queries; q++)
        {
            var query = RandomVector(random, dims);
            var exact = VectorScan.TopK(view, query, candidates.Clone(), 10, 100, forceExact: true).Select(h => h.Ord).ToHashSet();
            var approx = VectorScan.TopK(view, query, candidates.Clone(), 10, 100);
            Assert.All(approx, h => Assert.True(candidates[h.Ord]));
            found += approx.Count(h => exact.Contains(h.Ord));
            wanted += exact.Count;
        }

        return found / wanted;
    }

    [Theory]
    [InlineData(nameof(VectorSimilarity.Cosine))]
    [InlineData(nameof(VectorSimilarity.DotProduct))]
    [InlineData(nameof(VectorSimilarity.L2Norm))]
    [InlineData(nameof(VectorSimilarity.MaxInnerProduct))]
    public void QuantizedPath_HasRecallAtLeast99PercentAgainstExact(string similarityName)
    {
        // xunit needs public parameter types; the similarity enum is internal to the store.
        var similarity = Enum.Parse<VectorSimilarity>(similarityName);
        var (shard, _) = RandomShard(VectorScan.ExactScanLimit + 5_000, similarity, seed: 7);
        var view = shard.Snapshot.Vectors["v"];
        var random = new Random(11);
        double found = 0, wanted = 0;
        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random);
            var exact = VectorScan.TopK(view, query, shard.Snapshot.AllLive(), 10, 15, forceExact: true).Select(h => h.Ord).ToHashSet();
            var approx = VectorScan.TopK(view, query, shard.Snapshot.AllLive(), 10, 15);
            found += approx.Count(h => exact.Contains(h.Ord));
            wanted += exact.Count;
        }

        Assert.True(found / wanted >= 0.99, $"recall {found / wanted}");
    }

    [Theory]
    [InlineData(nameof(VectorSimilarity.Cosine), false)]
    [InlineData(nameof(VectorSimilarity.Cosine), true)]
    [InlineData(nameof(VectorSimilarity.L2Norm), true)]
    public void TwoBitPath_At768Dims_HasRecallAtLeast99PercentAgainstExact(string similarityName, bool halfFiltered)
    {
        // xunit needs public parameter types; the similarity enum is internal to the store.
        var similarity = Enum.Parse<VectorSimilarity>(similarityName);
        // Three sealed chunks (two-bit pass) and a partial one (int8 directly).
        var (shard, _) = RandomShard((3 * VectorColumn.ChunkSize) + 1_000, similarity, seed: 21, dims: 768);
        var snapshot = shard.Snapshot;
        Assert.NotNull(snapshot.Vectors["v"].Chunks[2].Residual);
        Assert.Null(snapshot.Vectors["v"].Chunks[3].Residual);
        var candidates = snapshot.AllLive();
        if (halfFiltered)
        {
            var even = new DocBits(snapshot.MaxDoc);
            for (var ord = 0; ord < snapshot.MaxDoc; ord += 2)
            {
                even.Set(ord);
            }

            candidates.And(even);
        }

        var recall = Recall(snapshot.Vectors["v"], candidates, queries: 15, seed: 22, dims: 768);
        Assert.True(recall >= 0.99, $"recall {recall}");
    }

    [Fact]
    public void OlderSnapshot_StaysCorrectWhenItsLastChunkIsSealedLater()
    {
        var (shard, field) = RandomShard(2 * VectorColumn.ChunkSize, VectorSimilarity.DotProduct, seed: 31);
        var before = shard.Snapshot;
        var view = before.Vectors["v"];
        Assert.Null(view.Chunks[1].Residual);
        var query = RandomVector(new Random(32));
        var exact = VectorScan.TopK(view, query, before.AllLive(), 10, 50, forceExact: true);
        var unsealed = VectorScan.TopK(view, query, before.AllLive(), 10, 50);

        AddRandom(shard, field, new Random(33), 2 * VectorColumn.ChunkSize, (2 * VectorColumn.ChunkSize) + 10);
        shard.Refresh();
        Assert.NotNull(view.Chunks[1].Residual); // the old view now sees the codes of its last chunk
        var sealedLater = VectorScan.TopK(view, query, before.AllLive(), 10, 50);

        Assert.Equal(exact.Select(h => h.Ord), unsealed.Select(h => h.Ord));
        Assert.Equal(exact.Select(h => h.Ord), sealedLater.Select(h => h.Ord));
        Assert.All(sealedLater, h => Assert.True(h.Ord < before.MaxDoc));
    }

    [Fact]
    public void PreFilter_ReturnsKHitsThatAllMatch()
    {
        var (shard, _) = RandomShard(30_000, VectorSimilarity.Cosine, seed: 3);
        var snapshot = shard.Snapshot;
        var filter = new DocBits(snapshot.MaxDoc);
        for (var ord = 0; ord < snapshot.MaxDoc; ord += 10)
        {
            filter.Set(ord);
        }

        var hits = VectorScan.TopK(snapshot.Vectors["v"], RandomVector(new Random(5)), filter, 10, 15);
        Assert.Equal(10, hits.Count);
        Assert.All(hits, h => Assert.True(filter[h.Ord]));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void TopKHeap_KeepsBestAndPrefersLowerOrdinalsOnTies()
    {
        var heap = new TopKHeap(3);
        foreach (var (score, ord) in new[] { (0.5f, 4), (0.9f, 1), (0.5f, 2), (0.1f, 0), (0.5f, 3) })
        {
            heap.Add(score, ord);
        }

        Assert.Equal([(1, 0.9f), (2, 0.5f), (3, 0.5f)], heap.ToSortedList());
    }

    [Theory]
    [InlineData(96, false)]
    [InlineData(768, false)]
    [InlineData(33, false)]
    [InlineData(31, false)]
    [InlineData(768, true)] // ±127 everywhere: the 16-bit pair sums must not saturate
    public void Int8Dot_MatchesScalarDot(int length, bool extremes)
    {
        var random = new Random(1);
        var a = new sbyte[length];
        var b = new sbyte[length];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = extremes ? (sbyte)(random.Next(2) == 0 ? -127 : 127) : (sbyte)random.Next(-127, 128);
            b[i] = extremes ? (sbyte)(random.Next(2) == 0 ? -127 : 127) : (sbyte)random.Next(-127, 128);
        }

        var expected = a.Zip(b).Sum(p => p.First * p.Second);
        Assert.Equal(expected, Int8Quantizer.Dot(Int8Quantizer.ToUnsigned(a), a, b, b.Sum(x => x)));
    }

    [Theory]
    [InlineData(768)]
    [InlineData(40)]
    [InlineData(8)]
    public void Int8Dot4_MatchesFourDots(int length)
    {
        var random = new Random(2);
        sbyte[] Random() => Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var query = Random();
        var docs = Enumerable.Range(0, 4).Select(_ => Random()).ToArray();
        var unsigned = Int8Quantizer.ToUnsigned(query);
        var sums = docs.Select(d => d.Sum(x => x)).ToArray();
        var results = new int[4];
        Int8Quantizer.Dot4(unsigned, query, docs[0], docs[1], docs[2], docs[3], sums, results);
        Assert.Equal(docs.Select(d => query.Zip(d).Sum(p => p.First * p.Second)), results);
    }
}
