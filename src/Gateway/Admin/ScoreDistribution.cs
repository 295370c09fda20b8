using System.Text.Json.Nodes;

namespace Gateway.Admin;

/// <summary>
/// The distribution of the album's stored identification scores (<c>best_score</c>: the best possible peak's cosine,
/// stored also for photos left unknown), read with one histogram aggregation, to choose <c>Photos:MinSimilarity</c>.
/// </summary>
/// <param name="Buckets">Histogram buckets: lower bound and photo count, ascending.</param>
/// <param name="Interval">The bucket width.</param>
/// <param name="Scored">Photos with a stored best score.</param>
/// <param name="Identified">Photos with at least one predicted peak.</param>
internal sealed record ScoreDistribution(IReadOnlyList<(double From, long Count)> Buckets, double Interval, long Scored, long Identified)
{
    /// <summary>The search body: a histogram of <c>best_score</c> and the counts of scored and identified photos.</summary>
    public static JsonObject Query(double interval) => new()
    {
        ["size"] = 0,
        ["aggs"] = new JsonObject
        {
            ["best_score"] = new JsonObject { ["histogram"] = new JsonObject { ["field"] = "best_score", ["interval"] = interval } },
            ["scored"] = new JsonObject { ["filter"] = new JsonObject { ["exists"] = new JsonObject { ["field"] = "best_score" } } },
            ["identified"] = new JsonObject { ["filter"] = new JsonObject { ["exists"] = new JsonObject { ["field"] = "predicted_peaks" } } },
        },
    };

    /// <summary>Reads the answer to <see cref="Query"/>; empty when the aggregations are missing.</summary>
    public static ScoreDistribution Parse(JsonNode? response, double interval)
    {
        var aggregations = response?["aggregations"];
        var buckets = (aggregations?["best_score"]?["buckets"] as JsonArray ?? [])
            .Where(b => b?["key"] is JsonValue && b["doc_count"] is JsonValue)
            .Select(b => (b!["key"]!.GetValue<double>(), b["doc_count"]!.GetValue<long>()))
            .ToList();
        return new ScoreDistribution(buckets, interval, Count(aggregations?["scored"]), Count(aggregations?["identified"]));
    }

    /// <summary>Photos whose best score is under <paramref name="threshold"/>: those identification leaves unknown.</summary>
    public long Below(double threshold) => Buckets.Where(b => b.From + Interval <= threshold).Sum(b => b.Count);

    /// <summary>The largest bucket count (for scaling bars).</summary>
    public long Max => Buckets.Count == 0 ? 0 : Buckets.Max(b => b.Count);

    private static long Count(JsonNode? filter) => filter?["doc_count"] is JsonValue v ? v.GetValue<long>() : 0;
}
