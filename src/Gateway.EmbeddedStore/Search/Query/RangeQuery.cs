using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>range</c> on numbers, dates (formats, date math with Elasticsearch's rounding: <c>gt</c> and
/// <c>lte</c> round up, <c>gte</c> and <c>lt</c> round down; <c>time_zone</c>), booleans, keywords
/// and text terms; constant score.
/// </summary>
internal sealed class RangeQuery : QueryNode
{
    public required string Field { get; init; }

    public JsonNode? Lower { get; init; }

    public JsonNode? Upper { get; init; }

    public bool IncludeLower { get; init; } = true;

    public bool IncludeUpper { get; init; } = true;

    public string? Format { get; init; }

    public string? TimeZone { get; init; }

    public static RangeQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[range] query malformed, no start_object after query name");
        TermQuery.RequireSingleField("range", obj);
        var (field, spec) = obj.First(p => p.Key is not "boost" and not "_name");
        var options = spec as JsonObject ?? throw StoreException.Parsing("[range] query malformed, no start_object after query name");
        JsonNode? lower = null, upper = null;
        bool includeLower = true, includeUpper = true;
        string? format = null, zone = null, name = null;
        var boost = 1f;
        foreach (var (key, value) in options)
        {
            switch (key)
            {
                case "gt":
                    lower = value;
                    includeLower = false;
                    break;
                case "gte" or "from":
                    lower = value;
                    break;
                case "lt":
                    upper = value;
                    includeUpper = false;
                    break;
                case "lte" or "to":
                    upper = value;
                    break;
                case "include_lower":
                    includeLower = JsonValues.ToBool(value, key);
                    break;
                case "include_upper":
                    includeUpper = JsonValues.ToBool(value, key);
                    break;
                case "format":
                    format = JsonValues.AsString(value);
                    break;
                case "time_zone":
                    zone = JsonValues.AsString(value);
                    break;
                case "boost":
                    boost = (float)JsonValues.ToDouble(value, key);
                    break;
                case "_name":
                    name = JsonValues.AsString(value);
                    break;
                case "relation":
                    break;
                default:
                    throw StoreException.Parsing("[range] query does not support [" + key + "]");
            }
        }

        return new RangeQuery
        {
            Field = field,
            Lower = lower,
            Upper = upper,
            IncludeLower = includeLower,
            IncludeUpper = includeUpper,
            Format = format,
            TimeZone = zone,
            Boost = boost,
            Name = name,
        };
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        if (field.Kind is FieldKind.Keyword or FieldKind.Text)
        {
            var lo = JsonValues.AsString(Lower);
            var hi = JsonValues.AsString(Upper);
            var index = TermIndex.For(context.Snapshot, Field);
            var bits = new DocBits(context.MaxDoc);
            foreach (var (term, postings) in index.Terms)
            {
                var c1 = lo is null ? 1 : string.CompareOrdinal(term, lo);
                var c2 = hi is null ? -1 : string.CompareOrdinal(term, hi);
                if ((IncludeLower ? c1 >= 0 : c1 > 0) && (IncludeUpper ? c2 <= 0 : c2 < 0))
                {
                    foreach (var ord in postings.Ords)
                    {
                        bits.Set(ord);
                    }
                }
            }

            return new DocResult(bits, null, Boost);
        }

        if (field.Kind is FieldKind.GeoPoint or FieldKind.DenseVector)
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("Field [" + Field + "] of type [" + FieldTypeNames.Of(field.Kind) + "] does not support range queries", context.IndexName));
        }

        var zone = QueryValues.Zone(TimeZone);
        var isDate = field.Kind == FieldKind.Date;
        var min = Lower is null ? double.NegativeInfinity : QueryValues.ToNumber(field, Lower, context, roundUp: isDate && !IncludeLower, Format, zone);
        var max = Upper is null ? double.PositiveInfinity : QueryValues.ToNumber(field, Upper, context, roundUp: isDate && IncludeUpper, Format, zone);
        var includeLower = IncludeLower;
        var includeUpper = IncludeUpper;
        if (QueryValues.IsLongBacked(field.Kind) && !isDate)
        {
            // Integer fields: a fractional bound rounds inward, as Elasticsearch does.
            if (!double.IsInfinity(min) && min != Math.Floor(min))
            {
                min = Math.Ceiling(min);
                includeLower = true;
            }

            if (!double.IsInfinity(max) && max != Math.Floor(max))
            {
                max = Math.Floor(max);
                includeUpper = true;
            }
        }

        Func<double, bool> inRange = n => (includeLower ? n >= min : n > min) && (includeUpper ? n <= max : n < max);
        var result = FieldNumbers.Column(context.Snapshot, Field).Where(inRange);
        return new DocResult(result, null, Boost);
    }
}
