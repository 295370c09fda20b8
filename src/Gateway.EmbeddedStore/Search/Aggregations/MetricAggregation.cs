using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>Single-value and stats metrics: min, max, avg, sum, value_count, cardinality, stats, extended_stats (sigma).</summary>
internal sealed class MetricAggregation : Aggregation
{
    private readonly string _type;
    private readonly string _field;
    private readonly JsonNode? _missing;
    private readonly string? _format;
    private readonly double _sigma = 2;

    public MetricAggregation(string name, string type, JsonObject options)
        : base(name)
    {
        _type = type;
        _field = AggField.Require(options, type);
        _missing = options["missing"];
        _format = JsonValues.AsString(options["format"]);
        if (options["sigma"] is { } sigma)
        {
            _sigma = StatsRenderer.Sigma(sigma, name);
        }
    }

    /// <summary>The metric's type (<c>min</c>, <c>stats</c> …).</summary>
    public string Type => _type;

    public override string TypedName(AggDocs docs) => _type;

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var mapping = _type is "value_count" or "cardinality" ? null : AggField.Resolve(docs, _field);
        if (mapping is not null && mapping.Kind is not (FieldKind.Date or FieldKind.Boolean) && !QueryKinds.IsNumeric(mapping.Kind))
        {
            // Elasticsearch refuses a numeric metric on a keyword, text or geo field rather than answering null.
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [" + _type + "]"));
        }

        var isDate = mapping?.Kind == FieldKind.Date;
        var numbers = new List<double>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        long count = 0;
        foreach (var (_, _, values) in docs.WithField(_field))
        {
            if (_type is "value_count" or "cardinality")
            {
                var strings = values?.Keywords is not null
                    ? AggField.Strings(values).ToList()
                    : values?.Texts is { } texts ? texts.ToList()
                    : values?.Points is { } points ? points.Select(p => p.ToString()).ToList()
                    : AggField.Numbers(values).Select(n => n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToList();
                if (strings.Count == 0 && _missing is not null)
                {
                    strings.Add(JsonValues.AsString(_missing) ?? string.Empty);
                }

                count += strings.Count;
                distinct.UnionWith(strings);
                continue;
            }

            var nums = AggField.Numbers(values);
            if (nums.Count == 0 && _missing is not null)
            {
                nums = [isDate && !JsonValues.IsNumber(_missing) ? DateFormats.Parse(JsonValues.AsString(_missing)!, mapping?.Format, null, _field) : JsonValues.ToDouble(_missing, "missing")];
            }

            numbers.AddRange(nums);
        }

        var result = new JsonObject();
        switch (_type)
        {
            case "value_count":
                result["value"] = count;
                break;
            case "cardinality":
                result["value"] = distinct.Count;
                break;
            case "stats":
                result["count"] = numbers.Count;
                result["min"] = numbers.Count > 0 ? numbers.Min() : null;
                result["max"] = numbers.Count > 0 ? numbers.Max() : null;
                result["avg"] = numbers.Count > 0 ? numbers.Average() : null;
                result["sum"] = numbers.Sum();
                if (isDate && numbers.Count > 0)
                {
                    result["min_as_string"] = DateFormats.Format((long)numbers.Min(), _format ?? mapping?.Format);
                    result["max_as_string"] = DateFormats.Format((long)numbers.Max(), _format ?? mapping?.Format);
                }

                break;
            case "extended_stats":
                StatsRenderer.ExtendedStats(result, numbers, _sigma, _format);
                break;
            default:
                double? value = _type switch
                {
                    "min" => numbers.Count > 0 ? numbers.Min() : null,
                    "max" => numbers.Count > 0 ? numbers.Max() : null,
                    "avg" => numbers.Count > 0 ? numbers.Average() : null,
                    _ => numbers.Sum(),
                };
                result["value"] = value;
                if (value is { } v && (isDate || _format is not null) && _type is not "sum")
                {
                    result["value_as_string"] = isDate ? DateFormats.Format((long)v, _format ?? mapping?.Format) : v.ToString(_format, System.Globalization.CultureInfo.InvariantCulture);
                }

                break;
        }

        return result;
    }
}
