using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>terms</c>: one bucket per distinct value (keyword, numeric, date, boolean), ordered by
/// <c>_count</c>, <c>_key</c> or a single-value metric sub-aggregation; size, min_doc_count,
/// missing, include/exclude (regex, value lists, partitions). As <c>rare_terms</c> it keeps
/// the terms found in at most <c>max_doc_count</c> documents, least frequent first, without size or error counts:
/// every count here is exact, so the cuckoo filter's <c>precision</c> only gets its bounds checked.
/// </summary>
internal sealed class TermsAggregation : Aggregation
{
    private const int HashPartitioningSeed = 31;

    private readonly string _field;
    private readonly int _size;
    private readonly long _minDocCount;
    private readonly JsonNode? _missing;
    private readonly List<(string Key, bool Ascending)> _order;
    private readonly Func<string, double?, bool> _include;
    private readonly string? _format;
    private readonly string? _valueType;
    private readonly JsonNode? _includeNode;
    private readonly JsonNode? _excludeNode;
    private readonly long? _maxDocCount;

    public TermsAggregation(string name, JsonObject options, bool rare = false)
        : base(name)
    {
        _field = AggField.Require(options, rare ? "rare_terms" : "terms");
        if (rare)
        {
            _maxDocCount = RareMaxDocCount(name, options);
        }

        _size = rare ? int.MaxValue : options["size"] is { } s ? JsonValues.ToInt(s, "size") : 10;
        if (_size <= 0)
        {
            throw StoreException.IllegalArgument("[size] must be greater than 0. Found [" + _size + "] in [" + name + "]");
        }

        _minDocCount = options["min_doc_count"] is { } m ? JsonValues.ToInt(m, "min_doc_count") : 1;
        _missing = options["missing"];
        _format = JsonValues.AsString(options["format"]);
        _order = rare ? [("_count", true), ("_key", true)] : ParseOrder(options["order"]);
        _valueType = JsonValues.AsString(options["value_type"]);
        _includeNode = options["include"];
        _excludeNode = options["exclude"];
        _include = IncludeExclude(options["include"], options["exclude"]);
    }

    private readonly Dictionary<string, BucketOrderPath> _orderPaths = new(StringComparer.Ordinal);
    private FieldKind _kind = FieldKind.Keyword;
    private bool _anyFloating;

    public override string TypedName(AggDocs docs)
    {
        var mapping = AggField.Resolve(docs, _field);
        if (_maxDocCount is not null)
        {
            return mapping is null || mapping.Kind == FieldKind.Keyword ? "srareterms" : "lrareterms";
        }

        return mapping is null ? "sterms" : mapping.Kind switch
        {
            FieldKind.Keyword => "sterms",
            _ when AggField.IsFloating(mapping.Kind) => "dterms",
            _ => "lterms",
        };
    }

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        foreach (var (key, _) in _order)
        {
            if (key is not ("_count" or "_key" or "_term"))
            {
                OrderPath(key).Validate(SubAggregations);
            }
        }

        var mapping = AggField.Resolve(docs, _field);
        if (mapping?.Encoding == KeywordEncoding.Ip && (_includeNode is JsonValue || _excludeNode is JsonValue))
        {
            throw StoreException.IllegalArgument("Aggregation [" + Name + "] cannot support regular expression style include/exclude settings as they can only be applied to string fields. Use an array of values for include/exclude clauses");
        }

        _kind = mapping?.Kind ?? UnmappedKind();
        if (_maxDocCount is not null && AggField.IsFloating(_kind))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("RareTerms aggregation does not support floating point fields."));
        }

        _anyFloating = docs.Parts.Any(p => p.Outcome.Context.Field(_field) is { } f && AggField.IsFloating(f.Kind)) || (mapping is null && AggField.IsFloating(_kind));
        var includeDates = _kind == FieldKind.Date ? DateValues(_includeNode, mapping?.Format) : null;
        var excludeDates = _kind == FieldKind.Date ? DateValues(_excludeNode, mapping?.Format) : null;
        var buckets = new Dictionary<(string? Text, double Number), Dictionary<ShardOutcome, List<int>>>();
        foreach (var (outcome, ord, values) in docs.WithField(_field))
        {
            var keys = Keys(values).ToList();
            if (keys.Count == 0 && _missing is not null)
            {
                keys.Add(MissingKey(mapping?.Format));
            }

            foreach (var key in keys)
            {
                var included = (includeDates is not null || excludeDates is not null) && key.Text is null
                    ? (includeDates?.Contains(key.Number) ?? true) && !(excludeDates?.Contains(key.Number) ?? false)
                    : _include(key.Text ?? string.Empty, key.Text is null ? key.Number : null);
                if (!included)
                {
                    continue;
                }

                if (!buckets.TryGetValue(key, out var perShard))
                {
                    perShard = [];
                    buckets[key] = perShard;
                }

                if (!perShard.TryGetValue(outcome, out var list))
                {
                    list = [];
                    perShard[outcome] = list;
                }

                list.Add(ord);
            }
        }

        if (_minDocCount == 0 && _kind == FieldKind.Keyword)
        {
            foreach (var (outcome, _) in docs.Parts)
            {
                foreach (var term in Index.TermIndex.For(outcome.Context.Snapshot, _field).Terms.Keys)
                {
                    if (_include(term, null))
                    {
                        buckets.TryAdd((term, 0), []);
                    }
                }
            }
        }

        var computed = buckets
            .Select(b => (Key: b.Key, Count: (long)b.Value.Values.Sum(l => l.Count), Docs: b.Value))
            .Where(b => b.Count >= _minDocCount && (_maxDocCount is not { } max || b.Count <= max))
            .Select(b => (b.Key, b.Count, Sub: AggDocs.FromOrdinals(docs.Parts, b.Docs)))
            .ToList();
        var metricCache = new Dictionary<(string?, double), JsonObject>();
        computed.Sort((a, b) => CompareBuckets(a.Key, a.Count, a.Sub, b.Key, b.Count, b.Sub, typedKeys, metricCache));
        var result = _maxDocCount is not null ? new JsonObject() : new JsonObject
        {
            ["doc_count_error_upper_bound"] = 0,
            ["sum_other_doc_count"] = computed.Skip(_size).Sum(b => b.Count),
        };
        var array = new JsonArray();
        foreach (var (key, count, sub) in computed.Take(_size))
        {
            var bucket = new JsonObject();
            RenderKey(bucket, key);
            bucket["doc_count"] = count;
            AddSubAggregations(bucket, sub, typedKeys);
            array.Add(bucket);
        }

        result["buckets"] = array;
        return result;
    }

    private static long RareMaxDocCount(string name, JsonObject options)
    {
        var max = options["max_doc_count"] is { } m ? JsonValues.ToInt(m, "max_doc_count") : 1;
        if (max <= 0)
        {
            throw StoreException.IllegalArgument("[max_doc_count] must be greater than 0. Found [" + max + "] in [" + name + "]");
        }

        if (max > 100)
        {
            // Elasticsearch's own wording, missing spaces included.
            throw StoreException.IllegalArgument("[max_doc_count] must be smallerthan 100in [" + name + "]");
        }

        if (options["precision"] is { } p && JsonValues.ToDouble(p, "precision") < 0.00001)
        {
            throw StoreException.IllegalArgument("[precision] must be greater than 0.00001");
        }

        return max;
    }

    private FieldKind UnmappedKind() => _valueType switch
    {
        "boolean" => FieldKind.Boolean,
        "double" or "float" => FieldKind.Double,
        "date" => FieldKind.Date,
        "long" or "integer" or "numeric" or "number" => FieldKind.Long,
        "string" or "keyword" => FieldKind.Keyword,
        _ => JsonValues.IsNumber(_missing) ? FieldKind.Long : FieldKind.Keyword,
    };

    private (string? Text, double Number) MissingKey(string? dateFormat) => _kind switch
    {
        FieldKind.Keyword => (JsonValues.AsString(_missing), 0),
        FieldKind.Boolean => (null, JsonValues.AsString(_missing) == "true" ? 1 : 0),
        FieldKind.Date when !JsonValues.IsNumber(_missing) => (null, DateFormats.Parse(JsonValues.AsString(_missing)!, dateFormat, null, _field)),
        _ => (null, JsonValues.ToDouble(_missing, "missing")),
    };

    // include/exclude values of a date field are dates in the field's format.
    private static HashSet<double>? DateValues(JsonNode? node, string? format)
    {
        if (node is not JsonArray values)
        {
            return null;
        }

        var result = new HashSet<double>();
        foreach (var value in values)
        {
            if (JsonValues.IsNumber(value))
            {
                result.Add(JsonValues.ToDouble(value, "include"));
            }
            else if (JsonValues.AsString(value) is { } text && DateFormats.TryParse(text, format, null, out var millis))
            {
                result.Add(millis);
            }
        }

        return result;
    }

    private IEnumerable<(string? Text, double Number)> Keys(Documents.FieldValues? values)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Keywords is not null)
        {
            return AggField.Strings(values).Select(s => ((string?)s, 0d));
        }

        return AggField.Numbers(values).Distinct().Select(n => ((string?)null, n));
    }

    private void RenderKey(JsonObject bucket, (string? Text, double Number) key)
    {
        if (key.Text is not null)
        {
            bucket["key"] = key.Text;
            return;
        }

        if (_anyFloating)
        {
            bucket["key"] = key.Number;
            return;
        }

        bucket["key"] = (long)key.Number;
        if (_kind == FieldKind.Boolean)
        {
            bucket["key_as_string"] = key.Number != 0 ? "true" : "false";
        }
        else if (_kind == FieldKind.Date)
        {
            bucket["key_as_string"] = DateFormats.Format((long)key.Number, _format ?? "strict_date_optional_time");
        }
    }

    private int CompareBuckets((string?, double) ka, long ca, AggDocs da, (string?, double) kb, long cb, AggDocs db, bool typedKeys, Dictionary<(string?, double), JsonObject> cache)
    {
        foreach (var (key, ascending) in _order)
        {
            int c;
            if (key is "_count")
            {
                c = ca.CompareTo(cb);
            }
            else if (key is "_key" or "_term")
            {
                c = CompareKeys(ka, kb);
            }
            else
            {
                c = BucketOrderPath.Compare(MetricValue(key, ka, da, typedKeys, cache), MetricValue(key, kb, db, typedKeys, cache));
            }

            if (c != 0)
            {
                return ascending ? c : -c;
            }
        }

        return CompareKeys(ka, kb);
    }

    private double MetricValue(string path, (string?, double) key, AggDocs docs, bool typedKeys, Dictionary<(string?, double), JsonObject> cache)
    {
        if (!cache.TryGetValue(key, out var values))
        {
            values = [];
            cache[key] = values;
        }

        if (!values.ContainsKey(path))
        {
            values[path] = OrderPath(path).Value(this, docs, typedKeys);
        }

        return values[path] is JsonValue v ? JsonValues.ToDouble(v, path) : double.NaN;
    }

    private BucketOrderPath OrderPath(string path)
    {
        if (!_orderPaths.TryGetValue(path, out var parsed))
        {
            parsed = BucketOrderPath.Parse(path);
            _orderPaths[path] = parsed;
        }

        return parsed;
    }

    private static int CompareKeys((string? Text, double Number) a, (string? Text, double Number) b) =>
        a.Text is not null && b.Text is not null ? string.CompareOrdinal(a.Text, b.Text) : a.Number.CompareTo(b.Number);

    private static List<(string, bool)> ParseOrder(JsonNode? node)
    {
        var result = new List<(string, bool)>();
        var items = node switch
        {
            null => [],
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject obj => [obj],
            _ => throw StoreException.Parsing("[order] must be an object or an array"),
        };
        foreach (var item in items)
        {
            foreach (var (key, value) in item)
            {
                var direction = JsonValues.AsString(value);
                if (direction is not ("asc" or "desc"))
                {
                    throw StoreException.Parsing("Unknown terms order direction [" + direction + "]");
                }

                result.Add((key, direction == "asc"));
            }
        }

        if (result.Count == 0)
        {
            result.Add(("_count", false));
        }

        return result;
    }

    /// <summary>The include/exclude filter of a terms-like aggregation: regexes, value lists or hash partitions.</summary>
    internal static Func<string, double?, bool> IncludeExclude(JsonNode? include, JsonNode? exclude)
    {
        var inc = Matcher(include, true);
        var exc = Matcher(exclude, false);
        return (text, number) => inc(text, number) && !exc(text, number);
    }

    private static Func<string, double?, bool> Matcher(JsonNode? node, bool whenAbsent)
    {
        switch (node)
        {
            case null:
                return (_, _) => whenAbsent;
            case JsonArray array:
                var set = array.Select(v => JsonValues.AsString(v) ?? string.Empty).ToHashSet(StringComparer.Ordinal);
                var numbers = array.Where(JsonValues.IsNumber).Select(v => JsonValues.ToDouble(v, "include")).ToHashSet();
                return (t, n) => n is { } d ? numbers.Contains(d) || set.Contains(d.ToString(System.Globalization.CultureInfo.InvariantCulture)) : set.Contains(t);
            case JsonObject obj when obj["partition"] is not null:
                var partition = JsonValues.ToInt(obj["partition"], "partition");
                var count = JsonValues.ToInt(obj["num_partitions"], "num_partitions");
                return (t, n) => n is { } d
                    ? Murmur3.FloorMod(Murmur3.Mix64((long)d), count) == partition
                    : Murmur3.FloorMod(Murmur3.Hash32(t, HashPartitioningSeed), count) == partition;
            default:
                var pattern = JsonValues.AsString(node) ?? string.Empty;
                var regex = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return (t, n) => n is null && regex.IsMatch(t);
        }
    }
}
