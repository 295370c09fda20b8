using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Aggregations.Pipeline;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>Parses an <c>aggs</c> object and computes it over the matching documents of every index.</summary>
internal static class AggregationRunner
{
    /// <summary>Runs <paramref name="aggs"/>; date math's "now" is the first shard's, else read from <paramref name="time"/>.</summary>
    public static JsonObject Run(JsonObject aggs, IReadOnlyList<ShardOutcome> outcomes, SearchRequest request, TimeProvider time)
    {
        var now = outcomes.Count > 0 ? outcomes[0].Context.Now : time.GetUtcNow();
        var parsed = Parse(aggs, now);
        foreach (var topHits in Descendants(parsed.Values).OfType<TopHitsAggregation>())
        {
            topHits.Bind(request);
        }

        var docs = new AggDocs(outcomes.Select(o => (o, o.AggregationDocs)).ToList());
        return ComputeAll(parsed, docs, request.TypedKeys);
    }

    private static IEnumerable<Aggregation> Descendants(IEnumerable<Aggregation> aggs) =>
        aggs.SelectMany(a => Descendants(a.SubAggregations.Values).Prepend(a));

    public static JsonObject ComputeAll(Dictionary<string, Aggregation> aggs, AggDocs docs, bool typedKeys)
    {
        var result = new JsonObject();
        var rendered = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, agg) in aggs)
        {
            // A parent pipeline is applied by its parent over all of its buckets, a sibling one once the others are done.
            if (agg is PipelineAggregation)
            {
                continue;
            }

            var value = agg.Compute(docs, typedKeys);
            ParentPipelines.Apply(agg, value, typedKeys);
            rendered[name] = value;
            Add(result, agg, name, value, docs, typedKeys);
        }

        foreach (var (name, agg) in aggs)
        {
            if (agg is SiblingPipelineAggregation sibling)
            {
                Add(result, agg, name, sibling.Reduce(rendered), docs, typedKeys);
            }
        }

        return result;
    }

    private static void Add(JsonObject result, Aggregation agg, string name, JsonObject value, AggDocs docs, bool typedKeys)
    {
        if (agg.Meta is not null)
        {
            value["meta"] = agg.Meta.DeepClone();
        }

        result[typedKeys ? agg.TypedName(docs) + "#" + name : name] = value;
    }

    public static Dictionary<string, Aggregation> Parse(JsonObject aggs, DateTimeOffset now) => Parse(aggs, now, parent: null);

    private static Dictionary<string, Aggregation> Parse(JsonObject aggs, DateTimeOffset now, Aggregation? parent)
    {
        var result = new Dictionary<string, Aggregation>(StringComparer.Ordinal);
        foreach (var (name, definition) in aggs)
        {
            if (definition is not JsonObject obj)
            {
                throw StoreException.Parsing("Expected [START_OBJECT] under [" + name + "], but got a [" + JsonValues.TokenName(definition) + "] in [" + name + "]");
            }

            Aggregation? agg = null;
            JsonObject? subs = null;
            JsonObject? meta = null;
            foreach (var (key, value) in obj)
            {
                switch (key)
                {
                    case "aggs" or "aggregations":
                        subs = value as JsonObject;
                        break;
                    case "meta":
                        meta = value as JsonObject;
                        break;
                    default:
                        if (agg is not null)
                        {
                            throw StoreException.Parsing("Found two aggregation type definitions in [" + name + "]: [" + agg.TypedName(new AggDocs([])) + "] and [" + key + "]");
                        }

                        agg = Create(name, key, value, now);
                        break;
                }
            }

            if (agg is null)
            {
                throw StoreException.Parsing("Missing definition for aggregation [" + name + "]");
            }

            agg.Meta = meta;
            if (subs is not null && agg is TopHitsAggregation)
            {
                throw StoreException.IllegalArgument("Aggregator [" + name + "] of type [top_hits] cannot accept sub-aggregations");
            }

            if (subs is not null && agg is PipelineAggregation)
            {
                throw StoreException.Parsing("Aggregation [" + name + "] cannot define sub-aggregations");
            }

            if (subs is not null)
            {
                foreach (var (subName, sub) in Parse(subs, now, agg))
                {
                    agg.SubAggregations[subName] = sub;
                }
            }

            result[name] = agg;
        }

        foreach (var composite in result.Values.OfType<CompositeAggregation>())
        {
            composite.ValidateParent(parent);
        }

        foreach (var global in result.Values.OfType<GlobalAggregation>())
        {
            global.ValidateParent(parent);
        }

        foreach (var pipeline in result.Values.OfType<PipelineAggregation>())
        {
            pipeline.Validate(result, parent);
        }

        return result;
    }

    private static Aggregation Create(string name, string type, JsonNode? value, DateTimeOffset now)
    {
        if (type is not ("filter" or "filters") && value is not JsonObject)
        {
            throw StoreException.Parsing("Expected [START_OBJECT] under [" + type + "], but got a [" + JsonValues.TokenName(value) + "] in [" + name + "]");
        }

        if (value is JsonObject options)
        {
            AggregationOptions.Check(type, options);
        }

        return type switch
        {
            "terms" => new TermsAggregation(name, (JsonObject)value!),
            "rare_terms" => new TermsAggregation(name, (JsonObject)value!, rare: true),
            "range" or "date_range" => new RangeAggregation(name, type, (JsonObject)value!, now),
            "missing" => new MissingAggregation(name, (JsonObject)value!),
            "global" => new GlobalAggregation(name, (JsonObject)value!),
            "adjacency_matrix" => new AdjacencyMatrixAggregation(name, (JsonObject)value!),
            "percentiles" => new PercentilesAggregation(name, (JsonObject)value!),
            "composite" => new CompositeAggregation(name, (JsonObject)value!),
            "ip_range" => new IpRangeAggregation(name, (JsonObject)value!),
            "weighted_avg" => new WeightedAvgAggregation(name, (JsonObject)value!),
            "date_histogram" => new HistogramAggregation(name, (JsonObject)value!, isDate: true, now),
            "histogram" => new HistogramAggregation(name, (JsonObject)value!, isDate: false, now),
            "min" or "max" or "avg" or "sum" or "value_count" or "cardinality" or "stats" or "extended_stats" => new MetricAggregation(name, type, (JsonObject)value!),
            "avg_bucket" or "sum_bucket" or "min_bucket" or "max_bucket" or "stats_bucket" or "extended_stats_bucket" or "percentiles_bucket" =>
                new BucketMetricsAggregation(name, type, (JsonObject)value!),
            "cumulative_sum" => new CumulativeSumAggregation(name, (JsonObject)value!),
            "derivative" => new DerivativeAggregation(name, (JsonObject)value!),
            "serial_diff" => new SerialDiffAggregation(name, (JsonObject)value!),
            "bucket_sort" => new BucketSortAggregation(name, (JsonObject)value!),
            "bucket_script" => new BucketScriptAggregation(name, (JsonObject)value!),
            "bucket_selector" => new BucketSelectorAggregation(name, (JsonObject)value!),
            "moving_fn" => throw StoreException.IllegalArgument("The [" + type + "] aggregation runs a script, and the embedded store has no scripting"),
            "top_hits" => new TopHitsAggregation(name, (JsonObject)value!),
            "ip_prefix" => new IpPrefixAggregation(name, (JsonObject)value!),
            "sampler" or "diversified_sampler" => new SamplerAggregation(name, type, (JsonObject)value!),
            "top_metrics" => new TopMetricsAggregation(name, (JsonObject)value!),
            "variable_width_histogram" => new VariableWidthHistogramAggregation(name, (JsonObject)value!),
            "auto_date_histogram" => new AutoDateHistogramAggregation(name, (JsonObject)value!),
            "significant_terms" or "significant_text" => new SignificantTermsAggregation(name, type, (JsonObject)value!),
            "geohash_grid" or "geotile_grid" => new GeoGridAggregation(name, type, (JsonObject)value!),
            "geo_distance" => new GeoDistanceAggregation(name, (JsonObject)value!),
            "geo_bounds" => new GeoBoundsAggregation(name, (JsonObject)value!),
            "geo_centroid" => new GeoCentroidAggregation(name, (JsonObject)value!),
            "filter" or "filters" => new FilterAggregation(name, type, value),
            "nested" or "reverse_nested" => new NestedAggregation(name, type, (JsonObject)value!),
            _ => throw StoreException.Parsing("Unknown aggregation type [" + type + "]"),
        };
    }
}
