using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Geo;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Computes a document's sort key for one <see cref="SortSpec"/>.</summary>
internal static class SortValues
{
    public static void Validate(SearchContext context, SortSpec spec)
    {
        if (spec.Script is not null)
        {
            return;
        }

        if (spec.IsScore || spec.IsDoc || spec.Field is "_id" or "_index" or "_shard_doc")
        {
            return;
        }

        var field = context.Field(spec.Field);
        if (field is null)
        {
            if (spec.UnmappedType is null)
            {
                throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("No mapping found for [" + spec.Field + "] in order to sort on", context.IndexName));
            }

            return;
        }

        if (spec.Nested is { } nested)
        {
            nested.Validate(context);
        }
        else if (!Nested.NestedPaths.BelongsTo(context.Mapping, spec.Field, context.Level?.Path))
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("it is mandatory to set the [nested] context on the nested sort field: [" + spec.Field + "].", context.IndexName));
        }

        if (field.Kind == FieldKind.Text)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [" +
                spec.Field + "] in order to load field data by uninverting the inverted index. Note that this can use significant memory."));
        }

        if (spec.IsGeoDistance && field.Kind != FieldKind.GeoPoint)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("field [" + spec.Field + "] of type [" + FieldTypeNames.Of(field.Kind) + "] is not supported for sorting by distance"));
        }
    }

    public static SortKey Get(SearchContext context, int shardIndex, int ord, float score, SortSpec spec)
    {
        if (spec.Script is { } script)
        {
            return script.Key(context, ord, score);
        }

        if (spec.IsScore)
        {
            return new SortKey(score, null, JsonValue.Create(score));
        }

        if (spec.IsDoc || spec.Field == "_shard_doc")
        {
            var doc = ((long)shardIndex << 32) | (uint)ord;
            return new SortKey(doc, null, JsonValue.Create(spec.IsDoc ? ord : doc));
        }

        var parsed = context.Snapshot.Doc(ord);
        if (spec.Field == "_id")
        {
            return new SortKey(0, parsed.Id, JsonValue.Create(parsed.Id));
        }

        if (spec.Field == "_index")
        {
            return new SortKey(0, context.IndexName, JsonValue.Create(context.IndexName));
        }

        var field = context.Field(spec.Field);
        FieldValues? values;
        if (spec.Nested is { } nested)
        {
            values = nested.Values(context, ord, spec.Field);
        }
        else
        {
            parsed.Fields.TryGetValue(context.Snapshot.Resolve(spec.Field), out values);
        }

        var kind = field?.Kind ?? UnmappedKind(spec.UnmappedType);
        if (spec.IsGeoDistance)
        {
            return GeoKey(values, spec);
        }

        var useMax = spec.Mode is "max" || (spec.Mode is null && spec.Descending);
        switch (kind)
        {
            case FieldKind.Keyword:
                var keywords = values?.Keywords;
                if (keywords is null || keywords.Count == 0)
                {
                    return Missing(spec, isText: true, kind);
                }

                var pick = useMax ? keywords.Max(StringComparer.Ordinal)! : keywords.Min(StringComparer.Ordinal)!;
                return new SortKey(0, pick, JsonValue.Create(pick));
            default:
                var numbers = FieldNumbers.Of(values);
                if (numbers.Count == 0)
                {
                    return Missing(spec, isText: false, kind);
                }

                var n = spec.Mode switch
                {
                    "sum" => numbers.Sum(),
                    "avg" => numbers.Average(),
                    "median" => numbers.Order().ElementAt(numbers.Count / 2),
                    _ => useMax ? numbers.Max() : numbers.Min(),
                };
                return new SortKey(n, null, RenderNumber(n, kind, spec.Format));
        }
    }

    private static FieldKind UnmappedKind(string? unmappedType) => unmappedType switch
    {
        "keyword" or "text" or "string" => FieldKind.Keyword,
        "date" => FieldKind.Date,
        "double" or "float" => FieldKind.Double,
        "boolean" => FieldKind.Boolean,
        _ => FieldKind.Long,
    };

    private static SortKey GeoKey(FieldValues? values, SortSpec spec)
    {
        var points = values?.Points;
        if (points is null || points.Count == 0)
        {
            return new SortKey(spec.Descending ? double.NegativeInfinity : double.PositiveInfinity, null, JsonValue.Create(spec.Descending ? double.NegativeInfinity : double.PositiveInfinity));
        }

        var unit = GeoMath.UnitMeters(spec.GeoUnit);
        var distances = points.SelectMany(p => spec.GeoOrigins!.Select(o => (spec.GeoDistanceType == "plane" ? GeoMath.PlaneDistance(o, p) : GeoMath.ArcDistance(o, p)) / unit)).ToList();
        var useMax = spec.Mode is "max" || (spec.Mode is null && spec.Descending);
        var d = spec.Mode switch
        {
            "avg" => distances.Average(),
            "median" => distances.Order().ElementAt(distances.Count / 2),
            "sum" => distances.Sum(),
            _ => useMax ? distances.Max() : distances.Min(),
        };
        return new SortKey(d, null, JsonValue.Create(d));
    }

    private static SortKey Missing(SortSpec spec, bool isText, FieldKind kind)
    {
        var first = spec.Missing == "_first";
        if (spec.Missing is not null and not "_last" and not "_first")
        {
            if (isText)
            {
                return new SortKey(0, spec.Missing, JsonValue.Create(spec.Missing));
            }

            var value = double.Parse(spec.Missing, CultureInfo.InvariantCulture);
            return new SortKey(value, null, RenderNumber(value, kind, spec.Format));
        }

        // _last sorts after everything in the requested direction; _first before.
        var high = first == spec.Descending;
        if (isText)
        {
            return new SortKey(high ? 1 : -1, null, null);
        }

        if (kind is FieldKind.Double or FieldKind.Float or FieldKind.HalfFloat)
        {
            var inf = high ? double.PositiveInfinity : double.NegativeInfinity;
            return new SortKey(inf, null, JsonValue.Create(inf));
        }

        return new SortKey(high ? double.PositiveInfinity : double.NegativeInfinity, null, JsonValue.Create(high ? long.MaxValue : long.MinValue));
    }

    private static JsonNode RenderNumber(double n, FieldKind kind, string? format) => kind switch
    {
        FieldKind.Double or FieldKind.Float or FieldKind.HalfFloat => JsonValue.Create(n),
        FieldKind.Date when format is not null => JsonValue.Create(DateFormats.Format((long)n, format)),
        _ => JsonValue.Create((long)n),
    };
}
