using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>Four photos (three cameras, altitudes, dates in January and March, none in February) to aggregate.</summary>
internal static class AggregationData
{
    public static SearchFixture Photos()
    {
        var f = new SearchFixture("photos")
            .Field("camera", FieldKind.Keyword)
            .Field("alt", FieldKind.Integer)
            .Field("rating", FieldKind.Double)
            .Field("weight", FieldKind.Integer)
            .Field("t", FieldKind.Date);
        f.Add("1", """{"camera":"iPhone","alt":4500,"rating":[1.0,3.0],"weight":2,"t":"2024-01-15T10:00:00Z"}""");
        f.Add("2", """{"camera":"Sony","alt":3400,"rating":2.0,"weight":[1,4],"t":"2024-01-20T23:30:00Z"}""");
        f.Add("3", """{"camera":"iPhone","alt":5100,"rating":4.0,"weight":3,"t":"2024-03-01T00:00:00Z"}""");
        f.Add("4", """{"camera":"Canon","rating":5.0}""");
        return f;
    }

    public static JsonNode Aggs(string aggs, params (string, string)[] parameters) =>
        Photos().Search("{\"size\":0,\"aggs\":" + aggs + "}", parameters)["aggregations"]!;

    /// <summary>The aggregations over the photos of <paramref name="cameras"/>.</summary>
    public static JsonNode AggsOf(string[] cameras, string aggs) =>
        Photos().Search("{\"size\":0,\"query\":{\"terms\":{\"camera\":" + new JsonArray(cameras.Select(c => (JsonNode)c).ToArray()).ToJsonString() + "}},\"aggs\":" + aggs + "}")["aggregations"]!;

    /// <summary>A monthly date_histogram (January 2 photos, February none, March 1) with the highest altitude per month, plus <paramref name="pipeline"/> beside it.</summary>
    public static JsonNode Monthly(string pipeline, string inner = "") =>
        Aggs("""{"m":{"date_histogram":{"field":"t","calendar_interval":"month"},"aggs":{"top":{"max":{"field":"alt"}}""" + inner + "}}" + (pipeline.Length > 0 ? "," + pipeline : string.Empty) + "}");
}
