using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Aggregations.Pipeline;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>percentiles</c> (t-digest): each value is a centroid of weight one and a percentile interpolates between the
/// two centroids around its rank, clamped to the smallest and largest value; this is what Elasticsearch's t-digest
/// answers while every value keeps its own centroid (small sets), and the exact answer it approximates beyond.
/// <c>percents</c> (default 1, 5, 25, 50, 75, 95, 99), <c>keyed</c>, <c>missing</c>, <c>format</c>,
/// <c>tdigest.compression</c> (checked; it changes nothing when nothing is merged). HDR histograms are refused.
/// </summary>
internal sealed class PercentilesAggregation : Aggregation
{
    private static readonly double[] DefaultPercents = [1, 5, 25, 50, 75, 95, 99];

    private readonly string _field;
    private readonly double[] _percents = DefaultPercents;
    private readonly bool _keyed;
    private readonly JsonNode? _missing;
    private readonly string? _format;

    public PercentilesAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "percentiles");
        _keyed = options["keyed"] is not { } keyed || JsonValues.ToBool(keyed, "keyed");
        _missing = options["missing"];
        _format = JsonValues.AsString(options["format"]);
        if (options.ContainsKey("percents"))
        {
            _percents = ParsePercents(name, options["percents"]);
        }

        if (options["hdr"] is not null)
        {
            throw StoreException.IllegalArgument("[hdr] percentiles (an HDR histogram) are not supported by this store; use the default t-digest");
        }

        if (options["tdigest"] is { } tdigest)
        {
            var settings = tdigest as JsonObject ?? throw StoreException.Parsing("[tdigest] must be an object");
            foreach (var (key, value) in settings)
            {
                if (key == "compression")
                {
                    var compression = JsonValues.ToDouble(value, "compression");
                    if (compression < 0)
                    {
                        throw StoreException.IllegalArgument("[compression] must be greater than or equal to 0. Found [" + PipelineFormat.JavaDouble(compression) + "] in [" + name + "]");
                    }
                }
                else if (key != "execution_hint")
                {
                    throw StoreException.BadRequest("x_content_parse_exception", "[tdigest] unknown field [" + key + "]");
                }
            }
        }
    }

    public override string TypedName(AggDocs docs) => "tdigest_percentiles";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var mapping = AggField.Resolve(docs, _field);
        if (mapping is not null && mapping.Kind is not (FieldKind.Date or FieldKind.Boolean) && !QueryKinds.IsNumeric(mapping.Kind))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [percentiles]"));
        }

        var values = new List<double>();
        foreach (var (_, _, fieldValues) in docs.WithField(_field))
        {
            var numbers = AggField.Numbers(fieldValues);
            if (numbers.Count == 0 && _missing is not null)
            {
                numbers = [mapping?.Kind == FieldKind.Date && !JsonValues.IsNumber(_missing)
                    ? DateFormats.Parse(JsonValues.AsString(_missing)!, mapping.Format, null, _field)
                    : JsonValues.ToDouble(_missing, "missing")];
            }

            values.AddRange(numbers);
        }

        values.Sort();
        var isDate = mapping?.Kind == FieldKind.Date;
        string? Text(double value) => !double.IsFinite(value) ? null
            : isDate ? DateFormats.Format((long)value, _format ?? mapping!.Format)
            : _format is null ? null : value.ToString(_format, CultureInfo.InvariantCulture);
        if (_keyed)
        {
            var keyed = new JsonObject();
            foreach (var percent in _percents)
            {
                var value = Percentile(values, percent);
                var key = PipelineFormat.JavaDouble(percent);
                keyed[key] = PipelineFormat.Value(value);
                if (Text(value) is { } text)
                {
                    keyed[key + "_as_string"] = text;
                }
            }

            return new JsonObject { ["values"] = keyed };
        }

        var list = new JsonArray();
        foreach (var percent in _percents)
        {
            var value = Percentile(values, percent);
            var entry = new JsonObject { ["key"] = percent, ["value"] = PipelineFormat.Value(value) };
            if (Text(value) is { } text)
            {
                entry["value_as_string"] = text;
            }

            list.Add(entry);
        }

        return new JsonObject { ["values"] = list };
    }

    // Centroid i (weight one) sits at rank i + 0.5; ranks before the first or after the last centroid clamp to them.
    private static double Percentile(List<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = percent / 100 * sorted.Count;
        if (rank <= 0.5)
        {
            return sorted[0];
        }

        if (rank >= sorted.Count - 0.5)
        {
            return sorted[^1];
        }

        var i = (int)Math.Floor(rank - 0.5);
        var fraction = rank - 0.5 - i;
        return sorted[i] + (fraction * (sorted[i + 1] - sorted[i]));
    }

    private static double[] ParsePercents(string name, JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[percentiles] percents doesn't support values of type: " + JsonValues.TokenName(node));
        }

        if (array.Count == 0)
        {
            throw StoreException.IllegalArgument("[percents] must not be empty: [" + name + "]");
        }

        var result = new double[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            if (!JsonValues.IsNumber(array[i]))
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[percentiles] failed to parse field [percents]");
            }

            result[i] = JsonValues.ToDouble(array[i], "percents");
            if (result[i] is < 0 or > 100)
            {
                throw StoreException.IllegalArgument("percent must be in [0,100], got [" + PipelineFormat.JavaDouble(result[i]) + "]: [" + name + "]");
            }
        }

        return result;
    }
}
