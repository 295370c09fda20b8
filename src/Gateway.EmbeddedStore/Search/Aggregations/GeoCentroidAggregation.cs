using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary><c>geo_centroid</c>: the mean latitude and longitude of every point, and how many there were.</summary>
internal sealed class GeoCentroidAggregation : Aggregation
{
    private readonly string _field;

    public GeoCentroidAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "geo_centroid");
    }

    public override string TypedName(AggDocs docs) => "geo_centroid";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        double lat = 0, lon = 0;
        long count = 0;
        foreach (var (_, _, values) in docs.WithField(_field))
        {
            foreach (var p in values?.Points ?? [])
            {
                lat += p.Lat;
                lon += p.Lon;
                count++;
            }
        }

        var result = new JsonObject();
        if (count > 0)
        {
            result["location"] = new JsonObject { ["lat"] = lat / count, ["lon"] = lon / count };
        }

        result["count"] = count;
        return result;
    }
}
