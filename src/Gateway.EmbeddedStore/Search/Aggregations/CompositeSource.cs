using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// One source of a <c>composite</c> aggregation: a <c>terms</c>, <c>histogram</c> or <c>date_histogram</c> over a field,
/// with its <c>order</c>, <c>missing_bucket</c> / <c>missing_order</c> and <c>format</c>; it makes a document's keys
/// for this position of the composite key, renders them and compares them.
/// </summary>
internal sealed class CompositeSource
{
    private static readonly string[] Common = ["field", "order", "missing_bucket", "missing_order", "value_type", "format"];

    private readonly string _type;
    private readonly string? _format;
    private readonly double _interval;
    private readonly BucketRounding? _rounding;
    private FieldMapping? _mapping;

    public CompositeSource(string name, string type, JsonObject options)
    {
        Name = name;
        _type = type;
        string[] known = type switch
        {
            "terms" => Common,
            "histogram" => [.. Common, "interval"],
            "date_histogram" => [.. Common, "calendar_interval", "fixed_interval", "interval", "time_zone", "offset"],
            _ => throw StoreException.BadRequest("x_content_parse_exception", "[composite] sources of type [" + type + "] are not supported by this store (supported: terms, histogram, date_histogram)"),
        };
        foreach (var (key, _) in options)
        {
            if (Array.IndexOf(known, key) < 0)
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[" + type + "] unknown field [" + key + "]");
            }
        }

        Field = AggField.Require(options, type);
        _format = JsonValues.AsString(options["format"]);
        Ascending = JsonValues.AsString(options["order"]) switch
        {
            null or "asc" => true,
            "desc" => false,
            var other => throw StoreException.IllegalArgument("Unknown order " + other),
        };
        MissingBucket = options["missing_bucket"] is { } missing && JsonValues.ToBool(missing, "missing_bucket");
        var missingOrder = JsonValues.AsString(options["missing_order"]) ?? "default";
        if (missingOrder is not ("default" or "first" or "last"))
        {
            throw StoreException.IllegalArgument("Unknown MissingOrder value: [" + missingOrder + "]");
        }

        if (missingOrder != "default" && !MissingBucket)
        {
            throw StoreException.IllegalArgument("missingOrder can only be set if missingBucket is true");
        }

        // Elasticsearch's default puts the missing bucket first in ascending order and last in descending order.
        NullsFirst = missingOrder == "first" || (missingOrder == "default" && Ascending);
        if (type == "histogram")
        {
            _interval = options["interval"] is { } interval ? JsonValues.ToDouble(interval, "interval") : 0;
            if (_interval <= 0)
            {
                throw StoreException.IllegalArgument("[interval] must be greater than 0 for histogram aggregation [" + name + "]");
            }
        }
        else if (type == "date_histogram")
        {
            _rounding = BucketRounding.ForDate(options);
        }
    }

    public string Name { get; }

    public string Field { get; }

    public bool Ascending { get; }

    public bool MissingBucket { get; }

    public bool NullsFirst { get; }

    /// <summary>Resolves the field's mapping for this search (text fields are refused as every aggregation refuses them).</summary>
    public void Bind(AggDocs docs) => _mapping = AggField.Resolve(docs, Field);

    /// <summary>This source's keys for one document (none when it has no value).</summary>
    public IEnumerable<CompositeValue> Keys(FieldValues? values)
    {
        if (values?.Keywords is not null)
        {
            return _type == "terms" ? AggField.Strings(values).Select(s => new CompositeValue(s, 0)) : [];
        }

        var numbers = AggField.Numbers(values);
        return _type switch
        {
            "histogram" => numbers.Select(n => new CompositeValue(null, Math.Floor(n / _interval) * _interval)).Distinct(),
            "date_histogram" => numbers.Select(n => new CompositeValue(null, _rounding!.Round(n))).Distinct(),
            _ => numbers.Distinct().Select(n => new CompositeValue(null, n)),
        };
    }

    public JsonNode? Render(CompositeValue? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (v.Text is not null)
        {
            return v.Text;
        }

        if (_type == "date_histogram")
        {
            return _format is null ? JsonValue.Create((long)v.Number) : DateFormats.Format((long)v.Number, _format, _rounding!.Zone);
        }

        return _mapping?.Kind switch
        {
            FieldKind.Boolean => v.Number != 0,
            FieldKind.Date => DateFormats.Format((long)v.Number, _format ?? _mapping.Format),
            _ when _type == "histogram" || (_mapping is { } m && AggField.IsFloating(m.Kind)) => JsonValue.Create(v.Number),
            _ => JsonValue.Create((long)v.Number),
        };
    }

    /// <summary>Reads an <c>after</c> value in this source's terms (a date in the source's format, a number, a string or null).</summary>
    public CompositeValue? ParseAfter(JsonNode? node)
    {
        if (node is null || (node is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Null))
        {
            return MissingBucket ? null : throw StoreException.IllegalArgument("Cannot set missing_bucket to false and after value to null for source [" + Name + "]");
        }

        if (JsonValues.IsNumber(node))
        {
            return new CompositeValue(null, JsonValues.ToDouble(node, "after"));
        }

        var text = JsonValues.AsString(node)!;
        if (_type == "date_histogram" || _mapping?.Kind == FieldKind.Date)
        {
            return new CompositeValue(null, DateFormats.Parse(text, _format ?? _mapping?.Format, _rounding?.Zone, Field));
        }

        if (_mapping?.Kind == FieldKind.Boolean)
        {
            return new CompositeValue(null, text == "true" ? 1 : 0);
        }

        return _mapping is not null && _mapping.Kind != FieldKind.Keyword && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? new CompositeValue(null, number)
            : new CompositeValue(text, 0);
    }

    /// <summary>Compares two keys in this source's order, the missing one where missing_order puts it.</summary>
    public int Compare(CompositeValue? a, CompositeValue? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? 0 : (a is null) == NullsFirst ? -1 : 1;
        }

        var c = a.Value.Text is not null && b.Value.Text is not null ? string.CompareOrdinal(a.Value.Text, b.Value.Text) : a.Value.Number.CompareTo(b.Value.Number);
        return Ascending ? c : -c;
    }
}
