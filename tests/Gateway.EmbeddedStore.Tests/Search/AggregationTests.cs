using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class AggregationTests
{
    private static SearchFixture Data()
    {
        var f = new SearchFixture("photos")
            .Field("camera", FieldKind.Keyword)
            .Field("alt", FieldKind.Integer)
            .Field("t", FieldKind.Date)
            .Field("gps", FieldKind.GeoPoint)
            .Field("flag", FieldKind.Boolean);
        f.Add("1", """{"camera":"iPhone","alt":4500,"t":"2024-01-15T10:00:00Z","gps":{"lat":27.8,"lon":86.7},"flag":true}""");
        f.Add("2", """{"camera":"Sony","alt":3400,"t":"2024-01-20T23:30:00Z","gps":{"lat":28.0,"lon":86.9},"flag":true}""");
        f.Add("3", """{"camera":"iPhone","alt":5100,"t":"2024-03-01T00:00:00Z","gps":{"lat":27.9,"lon":86.8},"flag":false}""");
        f.Add("4", """{"camera":"Canon"}""");
        return f;
    }

    private static JsonNode Aggs(string aggs, params (string, string)[] p) => Data().Search("{\"size\":0,\"aggs\":" + aggs + "}", p)["aggregations"]!;

    [Theory]
    [InlineData("avg", "camera", "keyword")]
    [InlineData("sum", "camera", "keyword")]
    [InlineData("stats", "gps", "geo_point")]
    public void NumericMetric_OnANonNumericField_IsRefused(string metric, string field, string type)
    {
        var error = Assert.Throws<StoreException>(() => Aggs("{\"m\":{\"" + metric + "\":{\"field\":\"" + field + "\"}}}"));

        Assert.Equal(400, error.Status);
        Assert.Contains("Field [" + field + "] of type [" + type + "] is not supported for aggregation [" + metric + "]", error.CausedBy?.Message ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_HasElasticsearchShapeAndOrder()
    {
        var a = Aggs("""{"cams":{"terms":{"field":"camera","size":2}}}""")["cams"]!;
        Assert.Equal(0, a["doc_count_error_upper_bound"]!.GetValue<long>());
        Assert.Equal(1, a["sum_other_doc_count"]!.GetValue<long>());
        Assert.Equal("iPhone", a["buckets"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(2, a["buckets"]![0]!["doc_count"]!.GetValue<long>());
        Assert.Equal("Canon", a["buckets"]![1]!["key"]!.GetValue<string>());
    }

    [Fact]
    public void Terms_OrdersByKeyAndBySubAggregation()
    {
        var byKey = Aggs("""{"cams":{"terms":{"field":"camera","order":{"_key":"desc"}}}}""")["cams"]!["buckets"]!.AsArray();
        Assert.Equal(["iPhone", "Sony", "Canon"], byKey.Select(b => b!["key"]!.GetValue<string>()));
        var byMax = Aggs("""{"cams":{"terms":{"field":"camera","order":{"top":"desc"}},"aggs":{"top":{"max":{"field":"alt"}}}}}""")["cams"]!["buckets"]!.AsArray();
        Assert.Equal("iPhone", byMax[0]!["key"]!.GetValue<string>());
        Assert.Equal(5100, byMax[0]!["top"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void Terms_OnBooleansRendersKeyAsString()
    {
        var b = Aggs("""{"f":{"terms":{"field":"flag"}}}""")["f"]!["buckets"]![0]!;
        Assert.Equal(1, b["key"]!.GetValue<long>());
        Assert.Equal("true", b["key_as_string"]!.GetValue<string>());
    }

    [Fact]
    public void DateHistogram_CalendarMonthFillsEmptyBuckets()
    {
        var buckets = Aggs("""{"m":{"date_histogram":{"field":"t","calendar_interval":"month"}}}""")["m"]!["buckets"]!.AsArray();
        Assert.Equal(["2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z"], buckets.Select(b => b!["key_as_string"]!.GetValue<string>()));
        Assert.Equal([2L, 0L, 1L], buckets.Select(b => b!["doc_count"]!.GetValue<long>()));
        Assert.Equal(1704067200000, buckets[0]!["key"]!.GetValue<long>());
    }

    [Fact]
    public void DateHistogram_TimeZoneShiftsDayBuckets()
    {
        var buckets = Aggs("""{"d":{"date_histogram":{"field":"t","fixed_interval":"1d","time_zone":"+05:45","min_doc_count":1,"format":"yyyy-MM-dd"}}}""")["d"]!["buckets"]!.AsArray();
        Assert.Equal(["2024-01-15", "2024-01-21", "2024-03-01"], buckets.Select(b => b!["key_as_string"]!.GetValue<string>()));
    }

    [Fact]
    public void Histogram_BucketsByInterval()
    {
        var buckets = Aggs("""{"h":{"histogram":{"field":"alt","interval":1000}}}""")["h"]!["buckets"]!.AsArray();
        Assert.Equal([3000d, 4000d, 5000d], buckets.Select(b => b!["key"]!.GetValue<double>()));
        Assert.Equal([1L, 1L, 1L], buckets.Select(b => b!["doc_count"]!.GetValue<long>()));
    }

    [Fact]
    public void Metrics_ComputeValues()
    {
        var a = Aggs("""{"mn":{"min":{"field":"alt"}},"mx":{"max":{"field":"alt"}},"av":{"avg":{"field":"alt"}},"sm":{"sum":{"field":"alt"}},"vc":{"value_count":{"field":"camera"}},"cd":{"cardinality":{"field":"camera"}},"none":{"min":{"field":"missing"}}}""");
        Assert.Equal(3400, a["mn"]!["value"]!.GetValue<double>());
        Assert.Equal(5100, a["mx"]!["value"]!.GetValue<double>());
        Assert.Equal(13000d / 3, a["av"]!["value"]!.GetValue<double>(), 6);
        Assert.Equal(13000, a["sm"]!["value"]!.GetValue<double>());
        Assert.Equal(4, a["vc"]!["value"]!.GetValue<long>());
        Assert.Equal(3, a["cd"]!["value"]!.GetValue<long>());
        Assert.Null(a["none"]!["value"]);
    }

    [Fact]
    public void GeoBounds_EnclosesPoints()
    {
        var b = Aggs("""{"g":{"geo_bounds":{"field":"gps"}}}""")["g"]!["bounds"]!;
        Assert.Equal(28.0, b["top_left"]!["lat"]!.GetValue<double>());
        Assert.Equal(86.7, b["top_left"]!["lon"]!.GetValue<double>());
        Assert.Equal(27.8, b["bottom_right"]!["lat"]!.GetValue<double>());
        Assert.Equal(86.9, b["bottom_right"]!["lon"]!.GetValue<double>());
    }

    [Fact]
    public void Filters_NamedAndAnonymousWithSubAggregations()
    {
        var named = Aggs("""{"f":{"filters":{"filters":{"high":{"range":{"alt":{"gte":4000}}},"sony":{"term":{"camera":"Sony"}}},"other_bucket":true},"aggs":{"c":{"value_count":{"field":"camera"}}}}}""")["f"]!["buckets"]!;
        Assert.Equal(2, named["high"]!["doc_count"]!.GetValue<long>());
        Assert.Equal(1, named["sony"]!["c"]!["value"]!.GetValue<long>());
        Assert.Equal(1, named["_other_"]!["doc_count"]!.GetValue<long>());
        var anonymous = Aggs("""{"f":{"filters":{"filters":[{"term":{"camera":"iPhone"}},{"match_all":{}}]}}}""")["f"]!["buckets"]!.AsArray();
        Assert.Equal([2L, 4L], anonymous.Select(b => b!["doc_count"]!.GetValue<long>()));
        var single = Aggs("""{"f":{"filter":{"term":{"camera":"iPhone"}},"aggs":{"a":{"avg":{"field":"alt"}}}}}""")["f"]!;
        Assert.Equal(2, single["doc_count"]!.GetValue<long>());
        Assert.Equal(4800, single["a"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void TypedKeys_PrefixesNamesWithTypes()
    {
        var a = Aggs("""{"cams":{"terms":{"field":"camera"}},"alts":{"terms":{"field":"alt"}},"m":{"max":{"field":"alt"}}}""", ("typed_keys", "true")).AsObject();
        Assert.Contains("sterms#cams", a.Select(p => p.Key));
        Assert.Contains("lterms#alts", a.Select(p => p.Key));
        Assert.Contains("max#m", a.Select(p => p.Key));
    }

    [Fact]
    public void Terms_OnUnmappedFieldUsesValueTypeForMissing()
    {
        var b = Aggs("""{"u":{"terms":{"field":"nope","value_type":"boolean","missing":true}}}""")["u"]!["buckets"]![0]!;
        Assert.Equal(1, b["key"]!.GetValue<long>());
        Assert.Equal("true", b["key_as_string"]!.GetValue<string>());
        Assert.Equal(4, b["doc_count"]!.GetValue<long>());
    }

    [Fact]
    public void Terms_DateIncludeAndExcludeAreDates()
    {
        var included = Aggs("""{"d":{"terms":{"field":"t","include":["2024-03-01T00:00:00Z"]}}}""")["d"]!["buckets"]!.AsArray();
        Assert.Equal("2024-03-01T00:00:00.000Z", Assert.Single(included)!["key_as_string"]!.GetValue<string>());
        var excluded = Aggs("""{"d":{"terms":{"field":"t","exclude":["2024-03-01T00:00:00Z"]}}}""")["d"]!["buckets"]!.AsArray();
        Assert.Equal(2, excluded.Count);
    }

    [Fact]
    public void Terms_WithoutFieldIsRejected()
    {
        var ex = Assert.Throws<Errors.StoreException>(() => Aggs("""{"x":{"terms":{}}}"""));
        Assert.StartsWith("Required one of fields [field, script], but none were specified", ex.Message, StringComparison.Ordinal);
    }
}
