using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>Parses the <c>intervals</c> query with Elasticsearch's (<c>IntervalQueryBuilder</c>) errors.</summary>
internal static class IntervalsParser
{
    private static readonly string[] MatchFields = ["query", "max_gaps", "ordered", "analyzer", "filter", "use_field"];
    private static readonly string[] AnyOfFields = ["intervals", "filter"];
    private static readonly string[] AllOfFields = ["intervals", "max_gaps", "ordered", "filter"];
    private static readonly string[] PrefixFields = ["prefix", "analyzer", "use_field"];
    private static readonly string[] PatternFields = ["pattern", "analyzer", "use_field"];
    private static readonly string[] FuzzyFields = ["term", "prefix_length", "transpositions", "fuzziness", "analyzer", "use_field"];
    private static readonly string[] RangeFields = ["gte", "gt", "lte", "lt", "analyzer", "use_field"];

    public static IntervalsQuery Parse(JsonNode? body)
    {
        if (body is not JsonObject obj)
        {
            throw StoreException.Parsing("[intervals] query malformed, no start_object after query name");
        }

        if (obj.Count == 0)
        {
            throw StoreException.Parsing("Expected [FIELD_NAME] but got [END_OBJECT]");
        }

        if (obj.Count > 1)
        {
            throw StoreException.Parsing("Expected [END_OBJECT] but got [FIELD_NAME]");
        }

        var (field, spec) = obj.First();
        if (spec is not JsonObject options)
        {
            throw StoreException.Parsing("Expected [START_OBJECT] but got [" + JsonValues.TokenName(spec) + "]");
        }

        IntervalRule? rule = null;
        string? ruleName = null;
        var boost = 1f;
        string? name = null;
        foreach (var (key, value) in options)
        {
            switch (key)
            {
                case "_name":
                    name = JsonValues.AsString(value);
                    break;
                case "boost":
                    boost = (float)JsonValues.ToDouble(value, "boost");
                    break;
                default:
                    if (ruleName is not null)
                    {
                        throw StoreException.Parsing("Only one interval rule can be specified, found [" + ruleName + "] and [" + key + "]");
                    }

                    ruleName = key;
                    rule = ParseRule(key, value);
                    break;
            }
        }

        if (rule is null)
        {
            throw StoreException.Parsing("Missing intervals from interval query definition");
        }

        return new IntervalsQuery(field, rule) { Boost = boost, Name = name };
    }

    private static IntervalRule ParseRule(string type, JsonNode? node)
    {
        if (type is not ("match" or "any_of" or "all_of" or "prefix" or "wildcard" or "regexp" or "fuzzy" or "range"))
        {
            throw StoreException.Parsing("Unknown interval type [" + type + "], expecting one of [match, any_of, all_of, prefix, wildcard, regexp, range]");
        }

        if (node is not JsonObject obj)
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[" + type + "] Expected START_OBJECT but was: " + JsonValues.TokenName(node));
        }

        return type switch
        {
            "match" => Known(type, obj, MatchFields, () => WithFilter(obj, new IntervalRule
            {
                Type = type,
                Text = RequiredString(type, obj, "query"),
                MaxGaps = obj["max_gaps"] is { } gaps ? JsonValues.ToInt(gaps, "max_gaps") : -1,
                Ordered = obj["ordered"] is { } ordered && JsonValues.ToBool(ordered, "ordered"),
                Analyzer = OptionalString(type, obj, "analyzer"),
                UseField = OptionalString(type, obj, "use_field"),
            })),
            "any_of" => Known(type, obj, AnyOfFields, () => WithFilter(obj, new IntervalRule
            {
                Type = type,
                Children = Children(type, obj),
            })),
            "all_of" => Known(type, obj, AllOfFields, () => WithFilter(obj, new IntervalRule
            {
                Type = type,
                Children = Children(type, obj),
                MaxGaps = obj["max_gaps"] is { } gaps ? JsonValues.ToInt(gaps, "max_gaps") : -1,
                Ordered = obj["ordered"] is { } ordered && JsonValues.ToBool(ordered, "ordered"),
            })),
            "prefix" => Known(type, obj, PrefixFields, () => new IntervalRule
            {
                Type = type,
                Text = RequiredString(type, obj, "prefix"),
                Analyzer = OptionalString(type, obj, "analyzer"),
                UseField = OptionalString(type, obj, "use_field"),
            }),
            "wildcard" or "regexp" => Known(type, obj, PatternFields, () => new IntervalRule
            {
                Type = type,
                Text = RequiredString(type, obj, "pattern"),
                Analyzer = OptionalString(type, obj, "analyzer"),
                UseField = OptionalString(type, obj, "use_field"),
            }),
            "fuzzy" => Known(type, obj, FuzzyFields, () => new IntervalRule
            {
                Type = type,
                Text = RequiredString(type, obj, "term"),
                PrefixLength = obj["prefix_length"] is { } prefix ? JsonValues.ToInt(prefix, "prefix_length") : 0,
                Transpositions = obj["transpositions"] is not { } t || JsonValues.ToBool(t, "transpositions"),
                Fuzziness = obj["fuzziness"] is { } fuzziness ? Fuzziness.Parse(fuzziness) : Fuzziness.Auto,
                Analyzer = OptionalString(type, obj, "analyzer"),
                UseField = OptionalString(type, obj, "use_field"),
            }),
            _ => Known(type, obj, RangeFields, () => ParseRange(obj)),
        };
    }

    private static IntervalRule ParseRange(JsonObject obj)
    {
        var gte = OptionalString("range", obj, "gte");
        var gt = OptionalString("range", obj, "gt");
        var lte = OptionalString("range", obj, "lte");
        var lt = OptionalString("range", obj, "lt");
        if ((gte is null) == (gt is null))
        {
            throw StoreException.IllegalArgument("Either [gte] or [gt], one of them must be provided");
        }

        if ((lte is null) == (lt is null))
        {
            throw StoreException.IllegalArgument("Either [lte] or [lt], one of them must be provided");
        }

        return new IntervalRule
        {
            Type = "range",
            Lower = gte ?? gt,
            IncludeLower = gte is not null,
            Upper = lte ?? lt,
            IncludeUpper = lte is not null,
            Analyzer = OptionalString("range", obj, "analyzer"),
            UseField = OptionalString("range", obj, "use_field"),
        };
    }

    private static IntervalRule Known(string type, JsonObject obj, string[] fields, Func<IntervalRule> build)
    {
        foreach (var (key, _) in obj)
        {
            if (Array.IndexOf(fields, key) < 0)
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[" + type + "] unknown field [" + key + "]");
            }
        }

        return build();
    }

    private static string RequiredString(string type, JsonObject obj, string key) =>
        OptionalString(type, obj, key) ?? throw StoreException.IllegalArgument("Required [" + key + "]");

    private static string? OptionalString(string type, JsonObject obj, string key)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }

        if (!JsonValues.IsString(node))
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[" + type + "] " + key + " doesn't support values of type: " + JsonValues.TokenName(node));
        }

        return node.GetValue<string>();
    }

    private static List<IntervalRule> Children(string type, JsonObject obj)
    {
        if (obj["intervals"] is not JsonArray array)
        {
            if (obj["intervals"] is null)
            {
                throw StoreException.IllegalArgument("Required [intervals]");
            }

            throw StoreException.BadRequest("x_content_parse_exception", "[" + type + "] intervals doesn't support values of type: " + JsonValues.TokenName(obj["intervals"]));
        }

        return array.Select(Single).ToList();
    }

    /// <summary>An object holding exactly one rule (an element of <c>intervals</c>, the body of a filter).</summary>
    private static IntervalRule Single(JsonNode? node)
    {
        if (node is not JsonObject obj || obj.Count == 0)
        {
            throw StoreException.Parsing("Expected [FIELD_NAME] but got [" + (node is JsonObject ? "END_OBJECT" : JsonValues.TokenName(node)) + "]");
        }

        if (obj.Count > 1)
        {
            throw StoreException.Parsing("Expected [END_OBJECT] but got [FIELD_NAME]");
        }

        var (type, body) = obj.First();
        return ParseRule(type, body);
    }

    private static IntervalRule WithFilter(JsonObject obj, IntervalRule rule)
    {
        if (obj["filter"] is not { } node)
        {
            return rule;
        }

        if (node is not JsonObject filter || filter.Count == 0)
        {
            throw StoreException.Parsing("Expected [FIELD_NAME] but got [" + (node is JsonObject ? "END_OBJECT" : JsonValues.TokenName(node)) + "]");
        }

        var (type, body) = filter.First();
        if (type == "script")
        {
            throw StoreException.IllegalArgument("[intervals] filter [script] is not supported by the embedded store (scripting is outside its subset)");
        }

        if (body is not JsonObject)
        {
            throw StoreException.Parsing("Expected [START_OBJECT] but got [" + JsonValues.TokenName(body) + "]");
        }

        if (filter.Count > 1)
        {
            throw StoreException.Parsing("Expected [END_OBJECT] but got [FIELD_NAME]");
        }

        var filterRule = Single(body);
        var lowered = type.ToLowerInvariant();
        if (!IntervalFilterSource.Types.Contains(lowered))
        {
            throw StoreException.IllegalArgument("Unknown filter type [" + lowered + "]");
        }

        return rule with { FilterType = lowered, Filter = filterRule };
    }
}
