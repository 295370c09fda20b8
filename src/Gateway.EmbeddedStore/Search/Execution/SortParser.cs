using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Geo;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Parses the <c>sort</c> body element and the <c>sort</c> URL parameter.</summary>
internal static class SortParser
{
    public static List<SortSpec> Parse(JsonNode? value)
    {
        var items = value is JsonArray array ? array.ToList() : [value];

        // An object may name several fields, each its own sort in order (Elasticsearch's parseCompoundSortField).
        return items.SelectMany(item => item is JsonObject obj && obj.Count > 1 && !obj.ContainsKey("_geo_distance")
            ? obj.Select(p => ParseOne(new JsonObject { [p.Key] = p.Value?.DeepClone() }))
            : [ParseOne(item)]).ToList();
    }

    public static List<SortSpec> ParseUrl(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var colon = part.LastIndexOf(':');
            var field = colon > 0 ? part[..colon] : part;
            var order = colon > 0 ? part[(colon + 1)..] : null;
            return new SortSpec { Field = field, Descending = IsDescending(order, field) };
        }).ToList();

    private static SortSpec ParseOne(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue when JsonValues.AsString(node) is { } field:
                return new SortSpec { Field = field, Descending = field == "_score" };
            case JsonObject obj when obj.Count == 1 || obj.ContainsKey("_geo_distance"):
                var (name, spec) = obj.First();
                if (name == "_geo_distance")
                {
                    return ParseGeo(spec as JsonObject ?? throw StoreException.Parsing("[_geo_distance] expects an object"));
                }

                if (name == "_script")
                {
                    return Scripts.ScriptSort.Parse(spec);
                }

                if (spec is JsonObject options)
                {
                    return new SortSpec
                    {
                        Field = name,
                        Descending = IsDescending(JsonValues.AsString(options["order"]), name),
                        Missing = JsonValues.AsString(options["missing"]),
                        Mode = JsonValues.AsString(options["mode"]),
                        UnmappedType = JsonValues.AsString(options["unmapped_type"]),
                        Format = JsonValues.AsString(options["format"]),
                        Nested = options["nested"] is { } nested ? Search.Nested.NestedSort.Parse(nested) : null,
                    };
                }

                return new SortSpec { Field = name, Descending = IsDescending(JsonValues.AsString(spec), name) };
            default:
                throw StoreException.Parsing("malformed sort format, within the sort array, an object, or an actual string are allowed");
        }
    }

    private static SortSpec ParseGeo(JsonObject obj)
    {
        string? field = null;
        var origins = new List<GeoPoint>();
        string? order = null, unit = null, mode = null, distanceType = null;
        Search.Nested.NestedSort? nested = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "order":
                    order = JsonValues.AsString(value);
                    break;
                case "unit":
                    unit = JsonValues.AsString(value);
                    break;
                case "mode":
                    mode = JsonValues.AsString(value);
                    break;
                case "distance_type":
                    distanceType = JsonValues.AsString(value);
                    break;
                case "nested":
                    nested = Search.Nested.NestedSort.Parse(value);
                    break;
                case "ignore_unmapped" or "validation_method":
                    break;
                default:
                    field = key;
                    if (value is JsonArray arr && arr.Count > 0 && !JsonValues.IsNumber(arr[0]))
                    {
                        origins.AddRange(arr.Select(p => GeoPointReader.Parse(p, key)));
                    }
                    else
                    {
                        origins.Add(GeoPointReader.Parse(value, key));
                    }

                    break;
            }
        }

        if (field is null)
        {
            throw StoreException.IllegalArgument("No geo point field given for [_geo_distance] sort");
        }

        return new SortSpec
        {
            Field = field,
            Descending = IsDescending(order, field),
            GeoOrigins = origins,
            GeoUnit = unit ?? "m",
            Mode = mode,
            GeoDistanceType = distanceType ?? "arc",
            Nested = nested,
        };
    }

    private static bool IsDescending(string? order, string field) => order switch
    {
        null => field == "_score",
        "asc" or "ASC" => false,
        "desc" or "DESC" => true,
        _ => throw StoreException.IllegalArgument("Unknown SortOrder [" + order + "]"),
    };
}
