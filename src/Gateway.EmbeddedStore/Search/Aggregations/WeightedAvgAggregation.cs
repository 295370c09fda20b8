using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>weighted_avg</c>: ∑(value × weight) / ∑(weight) over the documents with both a value and one weight (each
/// <c>missing</c> stands in for an absent one); every value of a multi-valued value field counts with the document's
/// weight, a second weight is refused as Elasticsearch refuses it, and a zero weight sum answers null.
/// </summary>
internal sealed class WeightedAvgAggregation : Aggregation
{
    private static readonly string[] SourceKeys = ["field", "missing"];

    private readonly (string Field, double? Missing) _value;
    private readonly (string Field, double? Missing) _weight;
    private readonly string? _format;

    public WeightedAvgAggregation(string name, JsonObject options)
        : base(name)
    {
        _value = Source(options, "value");
        _weight = Source(options, "weight");
        _format = JsonValues.AsString(options["format"]);
    }

    public override string TypedName(AggDocs docs) => "weighted_avg";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        CheckNumeric(docs, _value.Field);
        CheckNumeric(docs, _weight.Field);
        double sum = 0;
        double weights = 0;
        foreach (var (outcome, ord, values) in docs.WithField(_value.Field))
        {
            var numbers = AggField.Numbers(values);
            if (numbers.Count == 0 && _value.Missing is { } missingValue)
            {
                numbers = [missingValue];
            }

            outcome.Context.Snapshot.Doc(ord).Fields.TryGetValue(_weight.Field, out var weightValues);
            var weight = AggField.Numbers(weightValues);
            if (weight.Count == 0 && _weight.Missing is { } missingWeight)
            {
                weight = [missingWeight];
            }

            if (numbers.Count == 0 || weight.Count == 0)
            {
                continue;
            }

            if (weight.Count > 1)
            {
                // Elasticsearch answers this one with a server error (500 aggregation_execution_exception).
                throw SearchErrors.AllShardsFailed(new StoreException(500, "aggregation_execution_exception",
                    "Encountered more than one weight for a single document. Use a script to combine multiple weights-per-doc into a single value."));
            }

            foreach (var number in numbers)
            {
                sum += number * weight[0];
                weights += weight[0];
            }
        }

        var result = new JsonObject();
        if (weights == 0)
        {
            result["value"] = null;
            return result;
        }

        var average = sum / weights;
        result["value"] = average;
        if (_format is not null)
        {
            result["value_as_string"] = average.ToString(_format, CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static (string Field, double? Missing) Source(JsonObject options, string key)
    {
        if (options[key] is not JsonObject source)
        {
            throw StoreException.IllegalArgument("Could not find field name [" + key + "] in multiValuesSource");
        }

        foreach (var (option, _) in source)
        {
            if (Array.IndexOf(SourceKeys, option) < 0)
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[" + key + "] unknown field [" + option + "]");
            }
        }

        var field = AggField.Require(source, "weighted_avg");
        return (field, source["missing"] is { } missing ? JsonValues.ToDouble(missing, "missing") : null);
    }

    private static void CheckNumeric(AggDocs docs, string field)
    {
        if (AggField.Resolve(docs, field) is { } mapping && mapping.Kind is not (FieldKind.Date or FieldKind.Boolean) && !QueryKinds.IsNumeric(mapping.Kind))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [weighted_avg]"));
        }
    }
}
