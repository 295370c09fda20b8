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

    private static (SearchShard Shard, FieldMapping Field) RandomShard(int count, VectorSimilarity similarity, int seed)
    {
        var field = new FieldMapping { Path = "v", Kind = FieldKind.DenseVector, Definition = new JsonObject(), Dims = Dims, Similarity = similarity };
        var shard = new SearchShard("bench", new IndexMapping([field]));
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var values = new Dictionary<string, FieldValues> { ["v"] = new() { Mapping = field, Vector = RandomVector(random) } };
            shard.Upsert(new ParsedDocument { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = [], Version = 1, SeqNo = i, PrimaryTerm = 1, Fields = values });
        }

        shard.Refresh();
        return (shard, field);
    }

    private static float[] RandomVector(Random random)
    {
        var v = new float[Dims];
        for (var d = 0; d < Dims; d++)
        {
            v[d] = (float)((random.NextDouble() * 2) - 1);
        }

        return v;
    }

    [Theory]
    [InlineData(VectorSimilarity.Cosine)]
    [InlineData(VectorSimilarity.DotProduct)]
    [InlineData(VectorSimilarity.L2Norm)]
    [InlineData(VectorSimilarity.MaxInnerProduct)]
    public void QuantizedPath_HasRecallAtLeast99PercentAgainstExact(VectorSimilarity similarity)
    {
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

    [Fact]
    public void Int8Dot_MatchesScalarDot()
    {
        var random = new Random(1);
        var a = new sbyte[96];
        var b = new sbyte[96];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (sbyte)random.Next(-127, 128);
            b[i] = (sbyte)random.Next(-127, 128);
        }

        var expected = a.Zip(b).Sum(p => p.First * p.Second);
        Assert.Equal(expected, Int8Quantizer.Dot(Int8Quantizer.ToUnsigned(a), a, b, b.Sum(x => x)));
    }
}
