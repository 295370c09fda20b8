using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>Issue 19: nothing silently ignored, and the answers Elasticsearch gives where the store used to differ.</summary>
public sealed class RequestFidelityTests
{
    private static SearchFixture Named()
    {
        var f = new SearchFixture("my_index")
            .Field("my_vector", FieldKind.DenseVector, dims: 4, similarity: VectorSimilarity.L2Norm)
            .Field("my_name", FieldKind.Keyword);
        for (var i = 1; i <= 10; i++)
        {
            f.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"my_vector\":[1,1,1," + i + "],\"my_name\":\"v" + (2 - (i % 2)) + "\"}");
        }

        return f;
    }

    [Fact]
    public void DisMax_WithKnn_RanksAsElasticsearch()
    {
        // search.vectors/190_knn_query-with-k-param.yml: the keyword match scores its idf (ln 2), as ES's
        // LegacyBM25Similarity does, so doc 2 (knn 0.5 + match) beats doc 1 (knn 1.0 alone).
        var r = Named().Search("""
            {"size":10,"query":{"dis_max":{"tie_breaker":0.8,"queries":[
              {"knn":{"field":"my_vector","query_vector":[1,1,1,1],"k":5,"num_candidates":10}},
              {"match":{"my_name":"v2"}}]}}}
            """);
        Assert.Equal(["2", "1", "4", "6", "8", "10", "3", "5"], SearchFixture.Ids(r));
        Assert.Equal(Math.Log(2) + (0.8 * 0.5), r["hits"]!["hits"]![0]!["_score"]!.GetValue<double>(), 5);
    }

    [Fact]
    public void Terms_OverMaxTermsCount_FailsLikeElasticsearch()
    {
        var f = Named();
        var target = f.Target() with { Settings = new Dictionary<string, string> { ["index.max_terms_count"] = "2" } };
        var body = JsonNode.Parse("""{"query":{"terms":{"my_name":["v1","v2","v3"]}}}""")!.AsObject();
        var ex = Assert.Throws<StoreException>(() => f.Service.Search([target], body, new Dictionary<string, string>(), CancellationToken.None));
        Assert.Equal("search_phase_execution_exception", ex.Type);
        Assert.StartsWith("The number of terms [3] used in the Terms Query request has exceeded the allowed maximum of [2].", ex.CausedBy!.Message);
        var ok = f.Service.Search([f.Target()], body, new Dictionary<string, string>(), CancellationToken.None);
        Assert.Equal(10, ok["hits"]!["total"]!["value"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("100", true)]
    [InlineData("true", false)]
    [InlineData("false", false)]
    public void RestTotalHitsAsInt_RefusesInexactTracking(string trackTotalHits, bool refused)
    {
        var f = Named();
        if (refused)
        {
            var ex = Assert.Throws<StoreException>(() => f.Search("{}", ("rest_total_hits_as_int", "true"), ("track_total_hits", trackTotalHits)));
            Assert.Equal("[rest_total_hits_as_int] cannot be used if the tracking of total hits is not accurate, got 100", ex.Message);
            Assert.Throws<StoreException>(() => f.Search("""{"track_total_hits":100}""", ("rest_total_hits_as_int", "true")));
            return;
        }

        var r = f.Search("{}", ("rest_total_hits_as_int", "true"), ("track_total_hits", trackTotalHits));
        Assert.Equal(trackTotalHits == "true" ? 10 : -1, r["hits"]!["total"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"rescore":{"script":{"script":{"source":"1"}}}}""", "[script] rescorer")]
    [InlineData("""{"suggest":{"s":{"text":"x","term":{"field":"my_name"}}}}""", "[suggest]")]
    [InlineData("""{"script_fields":{"f":{"script":{"source":"1","lang":"expression"}}}}""", "[lang: expression]")]
    [InlineData("""{"runtime_mappings":{"f":{"type":"long"}}}""", "[runtime_mappings]")]
    [InlineData("""{"profile":true}""", "[profile]")]
    [InlineData("""{"slice":{"id":0,"max":2}}""", "[slice]")]
    public void UnimplementedBodyFields_AreRefusedByName(string body, string name)
    {
        var ex = Assert.Throws<StoreException>(() => Named().Search(body));
        Assert.Equal(400, ex.Status);
        Assert.Equal("illegal_argument_exception", ex.Type);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"query":{"match":{"my_name":{"query":"v1","cutoff_frequency":0.01}}}}""", "[match] query does not support [cutoff_frequency]")]
    [InlineData("""{"query":{"term":{"my_name":{"value":"v1","boost":2,"foo":1}}}}""", "[term] query does not support [foo]")]
    [InlineData("""{"query":{"multi_match":{"query":"v1","fields":["my_name"],"slop":1}}}""", "[multi_match] query does not support [slop]")]
    [InlineData("""{"query":{"match_all":{"foo":1}}}""", "[match_all] query does not support [foo]")]
    [InlineData("""{"query":{"match_phrase":{"my_name":"v1"}}}""", "unknown query [match_phrase]")]
    public void UnimplementedQueryOptions_AreParsingErrors(string body, string reason)
    {
        var ex = Assert.Throws<StoreException>(() => Named().Search(body));
        Assert.Equal("parsing_exception", ex.Type);
        Assert.Equal(reason, ex.Message);
    }

    [Fact]
    public void UnknownUrlParameter_IsRefusedAndCommonOnesAccepted()
    {
        var f = Named();
        var ex = Assert.Throws<StoreException>(() => f.Search("{}", ("frobnicate", "1")));
        Assert.Equal("illegal_argument_exception", ex.Type);
        Assert.Contains("[frobnicate]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[force_synthetic_source]", Assert.Throws<StoreException>(() => f.Search("{}", ("force_synthetic_source", "true"))).Message, StringComparison.Ordinal);

        // What the official clients and the gateway send must keep working.
        var r = f.Search("""{"explain":false,"profile":false,"timeout":"1s"}""", ("typed_keys", "true"), ("filter_path", "hits"), ("error_trace", "true"), ("pretty", "true"),
            ("routing", "x"), ("preference", "_local"), ("request_cache", "false"), ("search_type", "query_then_fetch"), ("ignore_unavailable", "true"));
        Assert.Equal(10, r["hits"]!["total"]!["value"]!.GetValue<long>());
    }

    [Fact]
    public void IndicesBoost_MultipliesScoresOfMatchingIndexFirstEntryWins()
    {
        var one = new SearchFixture("test_1").Field("foo", FieldKind.Keyword).Add("1", """{"foo":"bar"}""");
        var two = new SearchFixture("test_2").Field("foo", FieldKind.Keyword).Add("1", """{"foo":"bar"}""");
        JsonObject Run(string boosts) => one.Service.Search(
            [one.Target(), two.Target() with { Aliases = ["alias_2"] }],
            JsonNode.Parse("{\"indices_boost\":" + boosts + "}")!.AsObject(),
            new Dictionary<string, string>(),
            CancellationToken.None);
        string First(JsonObject r) => r["hits"]!["hits"]![0]!["_index"]!.GetValue<string>();

        Assert.Equal("test_2", First(Run("""[{"alias_2":2.0}]""")));
        Assert.Equal("test_1", First(Run("""[{"*_1":3.0},{"test_2":2.0}]""")));
        Assert.Equal("test_2", First(Run("""[{"*_1":1.0},{"test_2":2.0},{"test_1":3.0}]""")));
        Assert.Equal(2f, Run("""[{"test_1":2.0}]""")["hits"]!["max_score"]!.GetValue<float>());
    }

    [Fact]
    public void GeoCentroid_AveragesPointsAndCountsThem()
    {
        var f = new SearchFixture().Field("at", FieldKind.GeoPoint).Field("k", FieldKind.Keyword);
        f.Add("1", """{"at":{"lat":10,"lon":20},"k":"a"}""").Add("2", """{"at":[{"lat":20,"lon":40},{"lat":30,"lon":60}],"k":"a"}""").Add("3", """{"k":"b"}""");
        var r = f.Search("""{"size":0,"aggs":{"c":{"geo_centroid":{"field":"at"}},"none":{"filter":{"term":{"k":"b"}},"aggs":{"c":{"geo_centroid":{"field":"at"}}}}}}""", ("typed_keys", "true"));
        var c = r["aggregations"]!["geo_centroid#c"]!;
        Assert.Equal(20, c["location"]!["lat"]!.GetValue<double>(), 6);
        Assert.Equal(40, c["location"]!["lon"]!.GetValue<double>(), 6);
        Assert.Equal(3, c["count"]!.GetValue<long>());
        Assert.Equal("""{"count":0}""", r["aggregations"]!["filter#none"]!["geo_centroid#c"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"terms":{"field":"my_name","script":"1"}}""", "[terms] unknown field [script]")]
    [InlineData("""{"avg":{"field":"my_name","foo":1}}""", "[avg] unknown field [foo]")]
    [InlineData("""{"geo_bounds":{"field":"my_name","wrap_longitude":false}}""", "[geo_bounds] unknown field [wrap_longitude]")]
    public void UnimplementedAggregationOptions_AreRefusedByName(string agg, string reason)
    {
        var ex = Assert.Throws<StoreException>(() => Named().Search("{\"aggs\":{\"a\":" + agg + "}}"));
        Assert.Equal("x_content_parse_exception", ex.Type);
        Assert.Equal(reason, ex.Message);
    }

    [Fact]
    public void VectorSimilarity_KeepsCandidatesWithinTheSimilarity()
    {
        var r = Named().Search("""
            {"query":{"vector_similarity":{"field":"my_vector","query_vector":[1,1,1,1],"num_candidates":10,"similarity":2.5,
              "filter":{"term":{"my_name":"v1"}}}}}
            """);
        Assert.Equal(["1", "3"], SearchFixture.Ids(r));
        Assert.Throws<StoreException>(() => Named().Search("""{"query":{"vector_similarity":{"field":"my_vector","query_vector":[1,1,1,1],"num_candidates":3}}}"""));
    }
}
