using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class FunctionScoreTests
{
    private static SearchFixture Docs()
    {
        var f = new SearchFixture("docs")
            .Field("name", FieldKind.Keyword)
            .Field("likes", FieldKind.Long)
            .Field("day", FieldKind.Date)
            .Field("at", FieldKind.GeoPoint)
            .Field("v", FieldKind.DenseVector, dims: 4, similarity: VectorSimilarity.L2Norm);
        f.Add("1", """{"name":"v1","likes":9,"day":"2024-01-01","at":{"lat":0,"lon":0},"v":[1,1,1,1]}""");
        f.Add("2", """{"name":"v2","likes":99,"day":"2024-01-11","at":{"lat":0,"lon":1},"v":[1,1,1,2]}""");
        f.Add("3", """{"name":"v1","day":"2024-01-21","v":[1,1,1,3]}""");
        return f;
    }

    private static Dictionary<string, double> Scores(string body) =>
        Docs().Search(body)["hits"]!["hits"]!.AsArray().ToDictionary(h => h!["_id"]!.GetValue<string>(), h => h!["_score"]!.GetValue<double>());

    [Fact]
    public void FilteredWeights_MultiplyKnnScores()
    {
        // search.vectors/190_knn_query-with-k-param.yml "Function score query with knn query with k param".
        var r = Docs().Search("""
            {"query":{"function_score":{"query":{"knn":{"field":"v","query_vector":[1,1,1,1],"k":2}},
              "functions":[{"filter":{"match":{"name":"v1"}},"weight":10},{"filter":{"match":{"name":"v2"}},"weight":100}],
              "boost_mode":"multiply"}}}
            """);
        Assert.Equal(["2", "1"], SearchFixture.Ids(r));
        Assert.Equal(50.0, r["hits"]!["hits"]![0]!["_score"]!.GetValue<double>(), 3);
        Assert.Equal(10.0, r["hits"]!["hits"]![1]!["_score"]!.GetValue<double>(), 3);
    }

    [Fact]
    public void FieldValueFactor_AppliesFactorModifierAndMissing()
    {
        var s = Scores("""{"query":{"function_score":{"field_value_factor":{"field":"likes","factor":2,"modifier":"log1p","missing":0}}}}""");
        Assert.Equal(Math.Log10(19), s["1"], 5);
        Assert.Equal(Math.Log10(199), s["2"], 5);
        Assert.Equal(0, s["3"], 5);
        var ex = Assert.Throws<StoreException>(() => Docs().Search("""{"query":{"function_score":{"field_value_factor":{"field":"likes"}}}}"""));
        Assert.Contains("Missing value for field [likes]", ex.CausedBy!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gauss")]
    [InlineData("exp")]
    [InlineData("linear")]
    public void Decay_IsOneAtOriginAndDecayAtOffsetPlusScale(string kind)
    {
        var s = Scores("{\"query\":{\"function_score\":{\"" + kind + "\":{\"likes\":{\"origin\":9,\"offset\":10,\"scale\":80,\"decay\":0.25}},\"boost_mode\":\"replace\"}}}");
        Assert.Equal(1, s["1"], 5);
        Assert.Equal(0.25, s["2"], 5);
        Assert.Equal(1, s["3"], 5); // no value: the function does not apply
    }

    [Fact]
    public void Decay_OnDatesAndGeoPoints()
    {
        var dates = Scores("""{"query":{"function_score":{"gauss":{"day":{"origin":"2024-01-01","scale":"10d"}},"boost_mode":"replace"}}}""");
        Assert.Equal(1, dates["1"], 5);
        Assert.Equal(0.5, dates["2"], 5);
        Assert.Equal(0.0625, dates["3"], 5);

        var geo = Scores("""{"query":{"function_score":{"exp":{"at":{"origin":{"lat":0,"lon":0},"scale":"111.19km","decay":0.5}},"boost_mode":"replace"}}}""");
        Assert.Equal(1, geo["1"], 5);
        Assert.Equal(0.5, geo["2"], 2);
    }

    [Fact]
    public void ScoreModeBoostModeMaxBoostAndMinScore()
    {
        const string Functions = """[{"filter":{"term":{"name":"v1"}},"weight":2},{"weight":3}]""";
        Assert.Equal(6, Scores("{\"query\":{\"function_score\":{\"functions\":" + Functions + "}}}")["1"], 5);
        Assert.Equal(5, Scores("{\"query\":{\"function_score\":{\"functions\":" + Functions + ",\"score_mode\":\"sum\"}}}")["1"], 5);
        // avg is weighted: (1·2 + 1·3) / (2 + 3), as Elasticsearch documents it.
        Assert.Equal(1, Scores("{\"query\":{\"function_score\":{\"functions\":" + Functions + ",\"score_mode\":\"avg\"}}}")["1"], 5);
        Assert.Equal(2, Scores("{\"query\":{\"function_score\":{\"functions\":" + Functions + ",\"score_mode\":\"first\"}}}")["1"], 5);
        Assert.Equal(4, Scores("{\"query\":{\"function_score\":{\"functions\":" + Functions + ",\"max_boost\":4}}}")["1"], 5);
        Assert.Equal(4, Scores("{\"query\":{\"function_score\":{\"functions\":" + Functions + ",\"boost_mode\":\"sum\"}}}")["2"], 5);
        var kept = Scores("{\"query\":{\"function_score\":{\"functions\":" + Functions + ",\"min_score\":5}}}");
        Assert.Equal(["1", "3"], kept.Keys.Order());
    }

    [Fact]
    public void RandomScore_WithSeedIsReproducibleAndInUnitRange()
    {
        const string Body = """{"query":{"function_score":{"random_score":{"seed":42,"field":"_seq_no"}}}}""";
        var first = Scores(Body);
        Assert.Equal(first, Scores(Body));
        Assert.All(first.Values, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void ScriptScore_ScoresWithTheQueryScoreAndWeights()
    {
        // script_score was refused by name before scripting came in; it now runs (the store's Painless subset).
        var scores = Scores("""
            {"query":{"function_score":{"query":{"constant_score":{"filter":{"exists":{"field":"likes"}},"boost":2}},
              "functions":[{"script_score":{"script":{"source":"doc['likes'].value * params.f + _score","params":{"f":0.5}}},"weight":2}],
              "boost_mode":"replace"}}}
            """);

        Assert.Equal(2, scores.Count);
        Assert.Equal(13.0, scores["1"], 3);
        Assert.Equal(103.0, scores["2"], 3);
    }

    [Fact]
    public void ScriptScore_WithoutScriptIsAParsingError()
    {
        var ex = Assert.Throws<StoreException>(() => Docs().Search("""{"query":{"function_score":{"script_score":{}}}}"""));
        Assert.Equal(400, ex.Status);
        Assert.Contains("[script_score]", ex.Message, StringComparison.Ordinal);
    }
}
