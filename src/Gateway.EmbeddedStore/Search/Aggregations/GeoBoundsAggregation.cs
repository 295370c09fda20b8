using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary><c>geo_bounds</c>: the box around every point (no <c>bounds</c> when there are none).</summary>
internal sealed class GeoBoundsAggregation : Aggregation
{
    private readonly string _field;

    public GeoBoundsAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "geo_bounds");
    }

    public override string TypedName(AggDocs docs) => "geo_bounds";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        double top = double.NegativeInfinity, bottom = double.PositiveInfinity, left = double.PositiveInfinity, right = double.NegativeInfinity;
        foreach (var (_, _, values) in docs.WithField(_field))
        {
            foreach (var p in values?.Points ?? [])
            {
                top = Math.Max(top, p.Lat);
                bottom = Math.Min(bottom, p.Lat);
                left = Math.Min(left, p.Lon);
                right = Math.Max(right, p.Lon);
            }
        }

        var result = new JsonObject();
        if (!double.IsInfinity(top))
        {
            result["bounds"] = new JsonObject
            {
                ["top_left"] = new JsonObject { ["lat"] = top, ["lon"] = left },
                ["bottom_right"] = new JsonObject { ["lat"] = bottom, ["lon"] = right },
            };
        }

        return result;
    }
}
