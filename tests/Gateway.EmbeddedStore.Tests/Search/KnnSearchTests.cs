using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class KnnSearchTests
{
    private static SearchFixture Vectors(VectorSimilarity similarity = VectorSimilarity.Cosine)
    {
        var f = new SearchFixture()
            .Field("v", FieldKind.DenseVector, dims: 3, similarity: similarity)
            .Field("tag", FieldKind.Keyword)
            .Field("title", FieldKind.Text);
        f.Add("a", """{"v":[1,0,0],"tag":"x","title":"red"}""");
        f.Add("b", """{"v":[0.9,0.1,0],"tag":"y","title":"red orange"}""");
        f.Add("c", """{"v":[0,1,0],"tag":"x","title":"green"}""");
        f.Add("d", """{"v":[0,0,1],"tag":"y","title":"blue"}""");
        f.Add("e", """{"tag":"x","title":"no vector"}""");
        return f;
    }

    [Fact]
    public void TopLevelKnn_ReturnsNearestWithCosineScore()
    {
        var r = Vectors().Search("""{"knn":{"field":"v","query_vector":[1,0,0],"k":2,"num_candidates":10}}""");
        Assert.Equal(["a", "b"], SearchFixture.Ids(r));
        Assert.Equal(2, r["hits"]!["total"]!["value"]!.GetValue<long>());
        Assert.Equal(1f, r["hits"]!["hits"]![0]!["_score"]!.GetValue<float>(), 5);
        var cos = 0.9 / Math.Sqrt(0.82);
        Assert.Equal((float)((1 + cos) / 2), r["hits"]!["hits"]![1]!["_score"]!.GetValue<float>(), 5);
    }

    [Theory]
    [InlineData(nameof(VectorSimilarity.DotProduct), 1f)]
    [InlineData(nameof(VectorSimilarity.L2Norm), 1f)]
    [InlineData(nameof(VectorSimilarity.MaxInnerProduct), 2f)]
    public void Similarities_UseElasticsearchScoreTransforms(string similarityName, float best)
    {
        // xunit needs public parameter types; the similarity enum is internal to the store.
        var similarity = Enum.Parse<VectorSimilarity>(similarityName);
        var r = Vectors(similarity).Search("""{"knn":{"field":"v","query_vector":[1,0,0],"k":1,"num_candidates":5}}""");
        Assert.Equal("a", SearchFixture.Ids(r)[0]);
        Assert.Equal(best, r["hits"]!["hits"]![0]!["_score"]!.GetValue<float>(), 5);
    }

    [Fact]
    public void Filter_IsAPreFilter()
    {
        var r = Vectors().Search("""{"knn":{"field":"v","query_vector":[1,0,0],"k":2,"num_candidates":10,"filter":{"term":{"tag":"y"}}}}""");
        Assert.Equal(["b", "d"], SearchFixture.Ids(r));
    }

    [Fact]
    public void Similarity_ThresholdDropsDistantVectors()
    {
        var r = Vectors().Search("""{"knn":{"field":"v","query_vector":[1,0,0],"k":4,"num_candidates":10,"similarity":0.5}}""");
        Assert.Equal(["a", "b"], SearchFixture.Ids(r));
    }

    [Fact]
    public void QueryAndKnn_AreUnionedWithSummedBoostedScores()
    {
        var r = Vectors().Search("""{"query":{"term":{"tag":{"value":"x","boost":0}}},"knn":{"field":"v","query_vector":[1,0,0],"k":1,"num_candidates":5,"boost":2},"size":10}""");
        var ids = SearchFixture.Ids(r);
        Assert.Equal("a", ids[0]);
        Assert.Equal(2f, r["hits"]!["hits"]![0]!["_score"]!.GetValue<float>(), 5);
        Assert.Equal(["a", "c", "e"], ids.Order());
    }

    [Fact]
    public void KnnQuery_WorksInsideBool()
    {
        var r = Vectors().Search("""{"query":{"bool":{"must":[{"knn":{"field":"v","query_vector":[0,1,0],"k":2,"num_candidates":5}}],"filter":[{"term":{"tag":"x"}}]}}}""");
        Assert.Equal(["c", "a"], SearchFixture.Ids(r));
    }

    [Fact]
    public void KnnArray_CombinesSections()
    {
        var r = Vectors().Search("""{"knn":[{"field":"v","query_vector":[1,0,0],"k":1,"num_candidates":5},{"field":"v","query_vector":[0,0,1],"k":1,"num_candidates":5}]}""");
        Assert.Equal(["a", "d"], SearchFixture.Ids(r).Order());
    }

    [Fact]
    public void K_DefaultsToSize()
    {
        var r = Vectors().Search("""{"knn":{"field":"v","query_vector":[1,0,0]},"size":3}""");
        Assert.Equal(3, SearchFixture.Ids(r).Count);
    }

    [Theory]
    [InlineData("""{"field":"v","query_vector":[1,0,0],"k":5,"num_candidates":3}""", "[num_candidates] cannot be less than [k]")]
    [InlineData("""{"field":"v","query_vector":[1,0,0],"k":5,"num_candidates":10001}""", "[num_candidates] cannot exceed [10000]")]
    [InlineData("""{"field":"v","query_vector":[1,0,0],"k":0}""", "[k] must be greater than 0")]
    [InlineData("""{"field":"v","query_vector":[1,0,0],"num_candidates":2}""", "[num_candidates] cannot be less than [k]")]
    public void Validation_MatchesElasticsearchMessages(string knn, string reason)
    {
        var ex = Assert.Throws<StoreException>(() => Vectors().Search("{\"knn\":" + knn + "}"));
        Assert.Equal(400, ex.Status);
        Assert.Equal("illegal_argument_exception", ex.CausedBy!.Type);
        Assert.Equal(reason, ex.CausedBy.Message);
    }

    [Fact]
    public void DimensionMismatch_IsABadRequest()
    {
        var ex = Assert.Throws<StoreException>(() => Vectors().Search("""{"knn":{"field":"v","query_vector":[1,0],"k":1,"num_candidates":2}}"""));
        Assert.Equal(400, ex.Status);
        Assert.Contains("different number of dimensions [2]", ex.CausedBy!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_BecomeVisibleOnlyAfterRefresh()
    {
        var f = Vectors();
        f.Add("z", """{"v":[-1,0,0],"tag":"x"}""", refresh: false);
        f.Shard!.Delete("a");
        var before = SearchFixture.Ids(f.Search("""{"knn":{"field":"v","query_vector":[-1,0,0],"k":1,"num_candidates":5}}"""));
        Assert.NotEqual("z", before[0]);
        f.Shard.Refresh();
        var after = f.Search("""{"knn":{"field":"v","query_vector":[1,0,0],"k":5,"num_candidates":5}}""");
        Assert.DoesNotContain("a", SearchFixture.Ids(after));
        Assert.Equal("z", SearchFixture.Ids(f.Search("""{"knn":{"field":"v","query_vector":[-1,0,0],"k":1,"num_candidates":5}}"""))[0]);
    }
}
