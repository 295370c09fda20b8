using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>variable_width_histogram</c>: at most <c>buckets</c> (10) clusters of a numeric field's values, each rendered with
/// its <c>min</c>, its centroid as <c>key</c>, its <c>max</c> and <c>doc_count</c> (one per value, as ES collects them).
/// The values, sorted, start as 3/4 × <c>shard_size</c> (50 × buckets) runs of equal length (one value each for small
/// sets, as ES's buffered phase does); runs with the same minimum are joined, then the two adjacent clusters whose
/// centroids are closest are merged until <c>buckets</c> remain (ES's reduce). ES clusters values past
/// <c>initial_buffer</c> as they stream in, so on large sets the edges can differ; the options are validated as
/// ES's builder validates them.
/// </summary>
internal sealed class VariableWidthHistogramAggregation : Aggregation
{
    private readonly string _field;
    private readonly int _buckets;
    private readonly int _shardSize;
    private readonly JsonNode? _missing;
    private readonly string? _format;

    public VariableWidthHistogramAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "variable_width_histogram");
        _buckets = options["buckets"] is { } b ? JsonValues.ToInt(b, "buckets") : 10;
        if (_buckets <= 0)
        {
            throw StoreException.IllegalArgument("buckets must be greater than [0] for [" + name + "]");
        }

        _shardSize = options["shard_size"] is { } s ? JsonValues.ToInt(s, "shard_size") : _buckets * 50;
        if (options["shard_size"] is not null && _shardSize <= 1)
        {
            throw StoreException.IllegalArgument("shard_size must be greater than [1] for [" + name + "]");
        }

        var initialBuffer = options["initial_buffer"] is { } i ? JsonValues.ToInt(i, "initial_buffer") : Math.Min(10 * _shardSize, 50_000);
        if (options["initial_buffer"] is not null && initialBuffer <= 0)
        {
            throw StoreException.IllegalArgument("initial_buffer must be greater than [0] for [" + name + "]");
        }

        if (_buckets > HistogramAggregation.MaxBuckets)
        {
            throw StoreException.IllegalArgument("buckets must be less than " + HistogramAggregation.MaxBuckets);
        }

        if (initialBuffer < _buckets)
        {
            throw StoreException.IllegalArgument("initial_buffer must be at least buckets but was [" + initialBuffer + "<" + _buckets + "] for [" + name + "]");
        }

        if (MergePhaseClusters < _buckets)
        {
            throw StoreException.IllegalArgument("3/4 of shard_size must be at least buckets but was [" + MergePhaseClusters + "<" + _buckets + "] for [" + name + "]");
        }

        _missing = options["missing"];
        _format = JsonValues.AsString(options["format"]);
    }

    private int MergePhaseClusters => (int)Math.Floor(_shardSize * 0.75);

    public override string TypedName(AggDocs docs) => "variable_width_histogram";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var mapping = AggField.Resolve(docs, _field);
        if (mapping is not null && !QueryKinds.IsNumeric(mapping.Kind) && mapping.Kind is not (FieldKind.Date or FieldKind.Boolean))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [variable_width_histogram]"));
        }

        var values = new List<(double Value, ShardOutcome Outcome, int Ord)>();
        foreach (var (outcome, ord, fieldValues) in docs.WithField(_field))
        {
            var numbers = AggField.Numbers(fieldValues);
            if (numbers.Count == 0 && _missing is not null)
            {
                numbers = [JsonValues.ToDouble(_missing, "missing")];
            }

            values.AddRange(numbers.Select(n => (n, outcome, ord)));
        }

        values.Sort((a, b) => a.Value.CompareTo(b.Value));
        var clusters = Initial(values);
        while (clusters.Count > _buckets)
        {
            var closest = 0;
            for (var i = 1; i < clusters.Count - 1; i++)
            {
                if (clusters[i + 1].Centroid - clusters[i].Centroid < clusters[closest + 1].Centroid - clusters[closest].Centroid)
                {
                    closest = i;
                }
            }

            clusters[closest] = clusters[closest].Merge(clusters[closest + 1]);
            clusters.RemoveAt(closest + 1);
        }

        var buckets = new JsonArray();
        foreach (var cluster in clusters)
        {
            var bucket = new JsonObject();
            Add(bucket, "min", cluster.Min);
            Add(bucket, "key", cluster.Centroid);
            Add(bucket, "max", cluster.Max);
            bucket["doc_count"] = cluster.Members.Count;
            var members = cluster.Members.GroupBy(m => m.Outcome).ToDictionary(g => g.Key, g => g.Select(m => m.Ord).Distinct().Order().ToList());
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members), typedKeys);
            buckets.Add(bucket);
        }

        return new JsonObject { ["buckets"] = buckets };
    }

    // Runs of equal length over the sorted values, then runs that start at the same value joined.
    private List<Cluster> Initial(List<(double Value, ShardOutcome Outcome, int Ord)> values)
    {
        var result = new List<Cluster>();
        if (values.Count == 0)
        {
            return result;
        }

        var perCluster = (int)Math.Ceiling((double)values.Count / MergePhaseClusters);
        for (var start = 0; start < values.Count; start += perCluster)
        {
            var run = values.GetRange(start, Math.Min(perCluster, values.Count - start));
            var cluster = new Cluster(run[0].Value, run[^1].Value, run.Sum(v => v.Value), [.. run.Select(v => (v.Outcome, v.Ord))]);
            if (result.Count > 0 && result[^1].Min == cluster.Min)
            {
                result[^1] = result[^1].Merge(cluster);
            }
            else
            {
                result.Add(cluster);
            }
        }

        return result;
    }

    private void Add(JsonObject bucket, string name, double value)
    {
        bucket[name] = value;
        if (_format is not null)
        {
            bucket[name + "_as_string"] = value.ToString(_format, CultureInfo.InvariantCulture);
        }
    }

    private sealed record Cluster(double Min, double Max, double Sum, List<(ShardOutcome Outcome, int Ord)> Members)
    {
        public double Centroid => Sum / Members.Count;

        public Cluster Merge(Cluster other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max), Sum + other.Sum, [.. Members, .. other.Members]);
    }
}
