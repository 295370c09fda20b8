using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// A parsed <c>buckets_path</c>: aggregation names separated by <c>&gt;</c>, a bracketed bucket key
/// (<c>sale_type['hat']</c>) or, on the last element, a metric after the last <c>.</c> (<c>stats.avg</c>) or in
/// brackets (<c>percentiles[99.9]</c>); <c>_count</c> and <c>_key</c> name a bucket's document count and key.
/// Resolved as Elasticsearch resolves it: as a list of names, each one a sub-aggregation, a bucket key or a metric.
/// </summary>
internal sealed class BucketsPath
{
    private BucketsPath(string text, IReadOnlyList<(string Name, bool Bracketed)> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    /// <summary>The names the path walks; <c>Bracketed</c> marks a key written in brackets (a bucket key or a metric).</summary>
    public IReadOnlyList<(string Name, bool Bracketed)> Tokens { get; }

    public bool IsDocCount => Tokens is [("_count", false)];

    public bool IsKey => Tokens is [("_key", false)];

    public static BucketsPath Parse(string text)
    {
        var parts = text.Split('>');
        var tokens = new List<(string, bool)>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                if (bracket == 0 || !part.EndsWith(']'))
                {
                    throw Invalid(text);
                }

                tokens.Add((part[..bracket], false));
                tokens.Add((part[(bracket + 1)..^1].Trim('\'', '"'), true));
                continue;
            }

            var dot = i == parts.Length - 1 ? part.LastIndexOf('.') : -1;
            if (dot < 0)
            {
                tokens.Add(part.Length > 0 ? (part, false) : throw Invalid(text));
                continue;
            }

            if (dot == 0 || dot > part.Length - 2)
            {
                throw Invalid(text);
            }

            tokens.Add((part[..dot], false));
            tokens.Add((part[(dot + 1)..], false));
        }

        return new BucketsPath(text, tokens);
    }

    /// <summary>The path without its first name (a sibling pipeline's first name is the multi-bucket aggregation it reads).</summary>
    public BucketsPath Tail() => new(Text, Tokens.Skip(1).ToList());

    /// <summary>
    /// Checks that the path's names exist below <paramref name="level"/> down to a metric, <c>_count</c> or
    /// <c>_key</c>, as Elasticsearch validates a request before running it.
    /// </summary>
    public void Validate(IReadOnlyDictionary<string, Aggregation> level)
    {
        var current = level;
        foreach (var (name, bracketed) in Tokens)
        {
            if (name is "_count" or "_key")
            {
                return;
            }

            if (bracketed)
            {
                continue;
            }

            if (!current.TryGetValue(name, out var agg))
            {
                throw StoreException.BadRequest("action_request_validation_exception", "Validation Failed: 1: No aggregation [" + name + "] found for path [" + Text + "];");
            }

            if (!IsBucketAggregation(agg))
            {
                return;
            }

            current = agg.SubAggregations;
        }
    }

    /// <summary>
    /// The value the path names in one rendered bucket of <paramref name="containing"/>, the gap policy applied:
    /// null when the bucket is skipped (no value, or the path names nothing in this bucket).
    /// </summary>
    public double? Resolve(JsonObject bucket, GapPolicy gapPolicy, string containing)
    {
        var value = Property(bucket, 0, containing);
        if (value is null)
        {
            return null;
        }

        var docCount = bucket["doc_count"] is JsonValue count ? JsonValues.ToDouble(count, "doc_count") : 1;
        if (double.IsFinite(value.Value) && (docCount > 0 || IsDocCount))
        {
            return value;
        }

        return gapPolicy switch
        {
            GapPolicy.InsertZeros => 0,
            GapPolicy.KeepValues when double.IsFinite(value.Value) => value,
            _ => double.NaN,
        };
    }

    // A bucket's property from token i on: _count, _key, or a sub-aggregation's.
    private double? Property(JsonObject bucket, int i, string containing)
    {
        if (i == Tokens.Count)
        {
            throw NotANumber("a bucket", containing);
        }

        var name = Tokens[i].Name;
        if (name is "_count" or "_key")
        {
            var node = name == "_count" ? bucket["doc_count"] : bucket["key"];
            return i == Tokens.Count - 1 && node is JsonValue v && JsonValues.IsNumber(v) ? JsonValues.ToDouble(v, name) : throw NotANumber(name, containing);
        }

        // An aggregation the bucket does not hold is a path that resolves to nothing: Elasticsearch skips the bucket.
        return Child(bucket, name) is { } agg ? AggProperty(agg, i + 1, containing) : null;
    }

    private double? AggProperty(JsonObject agg, int i, string containing)
    {
        if (agg["buckets"] is { } buckets)
        {
            if (i == Tokens.Count)
            {
                throw NotANumber("a multi-bucket aggregation", containing);
            }

            var key = Tokens[i].Name;
            var bucket = buckets switch
            {
                JsonObject keyed => keyed[key] as JsonObject,
                JsonArray list => list.OfType<JsonObject>().FirstOrDefault(b => PipelineFormat.KeyAsString(b) == key || b["key"]?.ToString() == key),
                _ => null,
            };
            return bucket is null ? null : Property(bucket, i + 1, containing);
        }

        if (agg.ContainsKey("doc_count") && !agg.ContainsKey("value"))
        {
            return i == Tokens.Count ? throw NotANumber("a single-bucket aggregation", containing) : Property(agg, i, containing);
        }

        if (i == Tokens.Count)
        {
            return agg.ContainsKey("value") ? Number(agg["value"]) : throw NotANumber("a multi-value metric aggregation", containing);
        }

        if (i != Tokens.Count - 1)
        {
            throw NotANumber("a path below a metric", containing);
        }

        return Metric(agg, Tokens[i].Name, out var found) ? Number(found) : throw NotANumber("no metric [" + Tokens[i].Name + "]", containing);
    }

    // A metric of a multi-value metric aggregation (stats' avg, a percentile, an extended_stats bound); null values count as found.
    private static bool Metric(JsonObject agg, string key, out JsonNode? found)
    {
        if (key != "meta" && agg.TryGetPropertyValue(key, out found))
        {
            return true;
        }

        if (agg["values"] is JsonObject values)
        {
            if (values.TryGetPropertyValue(key, out found))
            {
                return true;
            }

            if (double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && values.TryGetPropertyValue(PipelineFormat.JavaDouble(percent), out found))
            {
                return true;
            }
        }

        found = null;
        return agg["std_deviation_bounds"] is JsonObject bounds && key.StartsWith("std_deviation_bounds_", StringComparison.Ordinal) && bounds.TryGetPropertyValue(key[21..], out found);
    }

    /// <summary>Whether <paramref name="agg"/> makes buckets (its sub-aggregations are the path's next names) rather than metrics.</summary>
    public static bool IsBucketAggregation(Aggregation agg) =>
        agg is TermsAggregation or HistogramAggregation or RangeAggregation or IpRangeAggregation or FilterAggregation or MissingAggregation or CompositeAggregation or GlobalAggregation
        or AdjacencyMatrixAggregation or NestedAggregation or GeoGridAggregation or GeoDistanceAggregation or SignificantTermsAggregation or AutoDateHistogramAggregation or VariableWidthHistogramAggregation or SamplerAggregation or IpPrefixAggregation;

    /// <summary>A sub-aggregation of a rendered bucket by name, with or without its <c>typed_keys</c> prefix.</summary>
    public static JsonObject? Child(JsonObject bucket, string name)
    {
        if (bucket[name] is JsonObject direct)
        {
            return direct;
        }

        foreach (var (key, value) in bucket)
        {
            var hash = key.IndexOf('#', StringComparison.Ordinal);
            if (hash > 0 && key.AsSpan(hash + 1).SequenceEqual(name) && value is JsonObject typed)
            {
                return typed;
            }
        }

        return null;
    }

    private static double Number(JsonNode? node) => node is JsonValue v && JsonValues.IsNumber(v) ? JsonValues.ToDouble(v, "value") : double.NaN;

    private static StoreException Invalid(string text) =>
        StoreException.IllegalArgument("Invalid path [" + text + "]");

    private static StoreException NotANumber(string found, string containing) =>
        SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
            "buckets_path must reference either a number value or a single value numeric metric aggregation, got: [" + found + "] at aggregation [" + containing + "]"));
}
