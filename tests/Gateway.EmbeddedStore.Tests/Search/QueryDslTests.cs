using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class QueryDslTests
{
    private static SearchFixture Photos(TimeProvider? time = null)
    {
        var f = new SearchFixture("photos", time)
            .Field("path", FieldKind.Keyword)
            .Field("camera", FieldKind.Keyword)
            .Field("title", FieldKind.Text)
            .Field("title.raw", FieldKind.Keyword, parent: "title")
            .Field("alt", FieldKind.Integer)
            .Field("focal", FieldKind.Double)
            .Field("shot_time", FieldKind.Date)
            .Field("gps", FieldKind.GeoPoint)
            .Field("flag", FieldKind.Boolean);
        f.Add("1", """{"path":"a/1.jpg","camera":"iPhone","title":"Ama Dablam at sunrise","alt":4500,"focal":26.0,"shot_time":"2024-10-01T06:00:00Z","gps":{"lat":27.86,"lon":86.86},"flag":true}""");
        f.Add("2", """{"path":"a/2.jpg","camera":"Sony","title":"Prayer flags in Namche","alt":3440,"focal":50.5,"shot_time":"2024-10-02T09:00:00Z","gps":"27.80,86.71","flag":false}""");
        f.Add("3", """{"path":"b/3.jpg","camera":"iPhone","title":"アマダブラム 朝","alt":5100,"shot_time":"2024-10-03T12:00:00Z","gps":[86.93,27.96]}""");
        f.Add("4", """{"path":"b/4.jpg","title":"Ama Dablam and Ama Dablam again","focal":200.0}""");
        return f;
    }

    [Fact]
    public void MatchAll_ReturnsEveryDocumentWithEsShape()
    {
        var r = Photos().Search("""{"query":{"match_all":{}}}""");
        Assert.Equal(4, r["hits"]!["total"]!["value"]!.GetValue<long>());
        Assert.Equal("eq", r["hits"]!["total"]!["relation"]!.GetValue<string>());
        Assert.Equal(1f, r["hits"]!["max_score"]!.GetValue<float>());
        Assert.Equal(1, r["_shards"]!["total"]!.GetValue<int>());
        Assert.Equal("photos", r["hits"]!["hits"]![0]!["_index"]!.GetValue<string>());
        Assert.Equal(["1", "2", "3", "4"], SearchFixture.Ids(r));
    }

    [Theory]
    [InlineData("""{"term":{"camera":"iPhone"}}""", "1,3")]
    [InlineData("""{"term":{"camera":{"value":"iphone","case_insensitive":true}}}""", "1,3")]
    [InlineData("""{"terms":{"camera":["Sony","Nikon"]}}""", "2")]
    [InlineData("""{"term":{"alt":4500}}""", "1")]
    [InlineData("""{"term":{"flag":true}}""", "1")]
    [InlineData("""{"term":{"title":"dablam"}}""", "4,1")]
    [InlineData("""{"range":{"alt":{"gte":3440,"lt":5100}}}""", "1,2")]
    [InlineData("""{"range":{"focal":{"gt":26}}}""", "2,4")]
    [InlineData("""{"range":{"shot_time":{"gte":"2024-10-02","format":"yyyy-MM-dd"}}}""", "2,3")]
    [InlineData("""{"range":{"shot_time":{"lte":"2024-10-02||/d"}}}""", "1,2")]
    [InlineData("""{"range":{"shot_time":{"lt":"2024-10-02T00:00:00","time_zone":"+05:45"}}}""", "1")]
    [InlineData("""{"exists":{"field":"focal"}}""", "1,2,4")]
    [InlineData("""{"exists":{"field":"_id"}}""", "1,2,3,4")]
    [InlineData("""{"ids":{"values":["3","1","9"]}}""", "1,3")]
    [InlineData("""{"prefix":{"path":"b/"}}""", "3,4")]
    [InlineData("""{"wildcard":{"path":"*/2.*"}}""", "2")]
    [InlineData("""{"match_none":{}}""", "")]
    [InlineData("""{"bool":{"filter":[{"term":{"camera":"iPhone"}}],"must_not":[{"range":{"alt":{"gt":5000}}}]}}""", "1")]
    [InlineData("""{"bool":{"should":[{"term":{"camera":"iPhone"}},{"range":{"alt":{"gt":3000}}},{"exists":{"field":"flag"}}],"minimum_should_match":3}}""", "1")]
    [InlineData("""{"bool":{"should":[{"term":{"camera":"iPhone"}},{"term":{"camera":"Sony"}}],"minimum_should_match":"-1"}}""", "1,2,3")]
    [InlineData("""{"constant_score":{"filter":{"term":{"title.raw":"Prayer flags in Namche"}},"boost":2}}""", "2")]
    [InlineData("""{"geo_distance":{"distance":"20km","gps":{"lat":27.86,"lon":86.86}}}""", "1,2,3")]
    [InlineData("""{"geo_distance":{"distance":"5km","gps":"27.86,86.86"}}""", "1")]
    [InlineData("""{"geo_bounding_box":{"gps":{"top_left":{"lat":28,"lon":86.8},"bottom_right":{"lat":27.5,"lon":87}}}}""", "1,3")]
    [InlineData("""{"geo_bounding_box":{"gps":{"wkt":"BBOX (86.7, 86.8, 27.9, 27.7)"}}}""", "2")]
    public void Query_MatchesExpectedDocuments(string query, string expected)
    {
        var r = Photos().Search("{\"query\":" + query + ",\"sort\":[\"_score\",{\"path\":\"asc\"}]}");
        var ids = SearchFixture.Ids(r);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), ids.Order());
    }

    [Fact]
    public void Match_ScoresWithBm25LikeElasticsearch()
    {
        var f = new SearchFixture().Field("body", FieldKind.Text);
        f.Add("1", """{"body":"quick brown fox"}""");
        var r = f.Search("""{"query":{"match":{"body":"fox"}}}""");

        // idf = ln(1 + 0.5/1.5), tf-norm = (1.2 + 1) / (1 + 1.2) = 1 with dl = avgdl: Elasticsearch's
        // LegacyBM25Similarity keeps the (k1 + 1) factor, hence its familiar 0.2876821 for one matching document.
        Assert.Equal(0.2876821f, r["hits"]!["hits"]![0]!["_score"]!.GetValue<float>(), 5);
    }

    [Fact]
    public void Match_RanksMoreFrequentTermsHigherAndHonoursOperator()
    {
        var f = Photos();
        var or = SearchFixture.Ids(f.Search("""{"query":{"match":{"title":"ama dablam"}}}"""));
        Assert.Equal("4", or[0]);
        Assert.Equal(["1", "4"], or.Order());
        var and = SearchFixture.Ids(f.Search("""{"query":{"match":{"title":{"query":"dablam namche","operator":"and"}}}}"""));
        Assert.Empty(and);
        var msm = SearchFixture.Ids(f.Search("""{"query":{"match":{"title":{"query":"dablam namche flags","minimum_should_match":2}}}}"""));
        Assert.Equal(["2"], msm);
    }

    [Theory]
    [InlineData("アマダブラム", "3")]
    [InlineData("朝", "3")]
    [InlineData("AMA", "1,4")]
    public void Match_AnalyzesUnicodeLikeStandardAnalyzer(string text, string expected)
    {
        var ids = SearchFixture.Ids(Photos().Search("{\"query\":{\"match\":{\"title\":\"" + text + "\"}}}"));
        Assert.Equal(expected.Split(','), ids.Order());
    }

    [Fact]
    public void MultiMatch_BestFieldsUsesBoostedFields()
    {
        var ids = SearchFixture.Ids(Photos().Search("""{"query":{"multi_match":{"query":"Sony namche","fields":["camera^3","title"]}}}"""));
        Assert.Equal("2", ids[0]);
    }

    [Fact]
    public void DateMath_NowIsTakenFromTheInjectedClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 10, 3, 15, 0, 0, TimeSpan.Zero));
        var ids = SearchFixture.Ids(Photos(time).Search("""{"query":{"range":{"shot_time":{"gte":"now-1d/d"}}}}"""));
        Assert.Equal(["2", "3"], ids.Order());
    }

    [Fact]
    public void UrlQuery_SearchesFieldsAndDefaultFields()
    {
        var f = Photos();
        Assert.Equal(["2"], SearchFixture.Ids(f.Search("{}", ("q", "camera:Sony"))));
        Assert.Equal(["2"], SearchFixture.Ids(f.Search("{}", ("q", "namche"))));
    }

    [Theory]
    [InlineData("""{"query":{"foo":{}}}""", "parsing_exception", "unknown query [foo]")]
    [InlineData("""{"query":{"term":{"a":"x","b":"y"}}}""", "parsing_exception", "[term] query doesn't support multiple fields, found [a] and [b]")]
    [InlineData("""{"from":-1}""", "illegal_argument_exception", "[from] parameter cannot be negative, found [-1]")]
    [InlineData("""{"size":-1}""", "illegal_argument_exception", "[size] parameter cannot be negative, found [-1]")]
    [InlineData("""{"bogus":1}""", "parsing_exception", "Unknown key for a VALUE_NUMBER in [bogus].")]
    public void BadRequests_ThrowElasticsearchErrors(string body, string type, string reason)
    {
        var ex = Assert.Throws<StoreException>(() => Photos().Search(body));
        Assert.Equal(400, ex.Status);
        Assert.Equal(type, ex.Type);
        Assert.Equal(reason, ex.Message);
    }

    [Theory]
    [InlineData("""{"sort":[{"alt":{"order":"asc","missing":"abc"}}]}""")]
    [InlineData("""{"query":{"geo_bounding_box":{"gps":{"wkt":"BBOX (1, x, 3, 4)"}}}}""")]
    [InlineData("""{"aggs":{"t":{"terms":{"field":"camera","include":"(["}}}}""")]
    public void MalformedValues_AreBadRequestsNotServerErrors(string body)
    {
        var ex = Assert.Throws<StoreException>(() => Photos().Search(body));
        Assert.Equal(400, ex.Status);
    }

    [Fact]
    public void ResultWindow_IsWrappedInSearchPhaseException()
    {
        var ex = Assert.Throws<StoreException>(() => Photos().Search("""{"from":10000,"size":10}"""));
        Assert.Equal("search_phase_execution_exception", ex.Type);
        Assert.StartsWith("Result window is too large, from + size must be less than or equal to: [10000] but was [10010].", ex.CausedBy!.Message);
    }

    [Fact]
    public void Count_CountsMatches()
    {
        var r = Photos().Count("""{"query":{"term":{"camera":"iPhone"}}}""");
        Assert.Equal(2, r["count"]!.GetValue<long>());
    }
}
