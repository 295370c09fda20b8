using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class HitsTests
{
    private static SearchFixture Data()
    {
        var f = new SearchFixture()
            .Field("name", FieldKind.Keyword)
            .Field("alt", FieldKind.Long)
            .Field("gps", FieldKind.GeoPoint)
            .Field("meta.camera", FieldKind.Keyword);
        f.Add("1", """{"name":"b","alt":10,"gps":{"lat":27.0,"lon":86.0},"meta":{"camera":"x","lens":"y"}}""");
        f.Add("2", """{"name":"a","alt":30,"gps":{"lat":27.5,"lon":86.0}}""");
        f.Add("3", """{"name":"c","gps":{"lat":28.0,"lon":86.0}}""");
        return f;
    }

    [Fact]
    public void Sort_ByFieldWithMissingLastAndSortValues()
    {
        var r = Data().Search("""{"sort":[{"alt":"desc"}]}""");
        Assert.Equal(["2", "1", "3"], SearchFixture.Ids(r));
        Assert.Equal(30, r["hits"]!["hits"]![0]!["sort"]![0]!.GetValue<long>());
        Assert.Null(r["hits"]!["hits"]![0]!["_score"]);
        Assert.Null(r["hits"]!["max_score"]);
        Assert.Equal(long.MinValue, r["hits"]!["hits"]![2]!["sort"]![0]!.GetValue<long>());
        var first = Data().Search("""{"sort":[{"alt":{"order":"asc","missing":"_first"}}]}""");
        Assert.Equal(["3", "1", "2"], SearchFixture.Ids(first));
    }

    [Fact]
    public void Sort_ByGeoDistanceInKilometres()
    {
        var r = Data().Search("""{"sort":[{"_geo_distance":{"gps":[86.0,28.0],"order":"asc","unit":"km"}}]}""");
        Assert.Equal(["3", "2", "1"], SearchFixture.Ids(r));
        Assert.Equal(55.6, r["hits"]!["hits"]![1]!["sort"]![0]!.GetValue<double>(), 1);
    }

    [Fact]
    public void FromSize_PagesAndUrlSortApplies()
    {
        var r = Data().Search("{}", ("sort", "name:asc"), ("from", "1"), ("size", "1"));
        Assert.Equal(["1"], SearchFixture.Ids(r));
        Assert.Equal(3, r["hits"]!["total"]!["value"]!.GetValue<long>());
    }

    [Fact]
    public void Source_IncludesAndExcludesWithWildcards()
    {
        var hit = Data().Search("""{"_source":{"includes":["meta.*","name"],"excludes":["*.lens"]},"query":{"ids":{"values":["1"]}}}""")["hits"]!["hits"]![0]!;
        Assert.Equal("""{"name":"b","meta":{"camera":"x"}}""", hit["_source"]!.ToJsonString());
        var none = Data().Search("""{"_source":false,"size":1}""")["hits"]!["hits"]![0]!.AsObject();
        Assert.False(none.ContainsKey("_source"));
    }

    [Fact]
    public void Fields_ReturnsMappedValues()
    {
        var hit = Data().Search("""{"fields":["meta.*","alt"],"query":{"ids":{"values":["1"]}}}""")["hits"]!["hits"]![0]!;
        Assert.Equal(["alt", "meta.camera"], hit["fields"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(10, hit["fields"]!["alt"]![0]!.GetValue<long>());
        Assert.Equal("x", hit["fields"]!["meta.camera"]![0]!.GetValue<string>());
    }

    [Fact]
    public void TotalHits_HonoursTrackTotalHitsAndRestTotalHitsAsInt()
    {
        var f = Data();
        Assert.Equal("gte", f.Search("""{"track_total_hits":2}""")["hits"]!["total"]!["relation"]!.GetValue<string>());
        Assert.False(f.Search("""{"track_total_hits":false}""")["hits"]!.AsObject().ContainsKey("total"));
        Assert.Equal(3, f.Search("{}", ("rest_total_hits_as_int", "true"))["hits"]!["total"]!.GetValue<long>());
    }

    [Fact]
    public void MinScore_DropsLowScores()
    {
        var r = Data().Search("""{"query":{"bool":{"should":[{"term":{"name":"a"}},{"match_all":{"boost":0.1}}]}},"min_score":0.5}""");
        Assert.Equal(["2"], SearchFixture.Ids(r));
    }

    [Fact]
    public void VersionAndSeqNo_AreRenderedWhenAsked()
    {
        var hit = Data().Search("""{"version":true,"seq_no_primary_term":true,"size":1}""")["hits"]!["hits"]![0]!.AsObject();
        Assert.Equal(1, hit["_version"]!.GetValue<long>());
        Assert.True(hit.ContainsKey("_seq_no"));
        Assert.Equal(1, hit["_primary_term"]!.GetValue<long>());
    }

    [Fact]
    public void SearchAfter_ContinuesAfterSortValues()
    {
        var r = Data().Search("""{"sort":["name"],"search_after":["a"]}""");
        Assert.Equal(["1", "3"], SearchFixture.Ids(r));
    }
}
