using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <content><c>match_bool_prefix</c> and the options it shares with <c>multi_match</c> of type <c>bool_prefix</c>.</content>
internal static partial class QueryParser
{
    private static QueryNode ParseMatchBoolPrefix(JsonNode? body)
    {
        var (field, spec, obj) = SingleField("match_bool_prefix", body);
        if (spec is not JsonObject options)
        {
            return WithCommon(new MatchBoolPrefixQuery { Field = field, Text = JsonValues.AsString(spec) ?? throw StoreException.Parsing("[match_bool_prefix] unknown token [" + JsonValues.TokenName(spec) + "] after [" + field + "]") }, obj, "match_bool_prefix");
        }

        RequireKnown("match_bool_prefix", options, "query", "analyzer", "operator", "minimum_should_match", "fuzziness", "prefix_length", "max_expansions", "fuzzy_transpositions", "fuzzy_rewrite");
        var text = JsonValues.AsString(options["query"]) ?? throw StoreException.IllegalArgument("[match_bool_prefix] requires query value");
        var query = BoolPrefixFor(field, text, options, "match_bool_prefix");
        return WithCommon(WithCommon(query, options, "match_bool_prefix"), obj, "match_bool_prefix");
    }

    /// <summary>A <c>match_bool_prefix</c> of one field with the text options of <paramref name="options"/>.</summary>
    internal static MatchBoolPrefixQuery BoolPrefixFor(string field, string text, JsonObject options, string type, float boost = 1f)
    {
        return new MatchBoolPrefixQuery
        {
            Field = field,
            Text = text,
            Analyzer = JsonValues.AsString(options["analyzer"]),
            AndOperator = Operator(options["operator"]),
            MinimumShouldMatch = JsonValues.AsString(options["minimum_should_match"]),
            Fuzzy = FuzzyOptions.Parse(type, options),
            Boost = boost,
        };
    }

    /// <summary><c>operator</c>: <c>or</c> (default) or <c>and</c>, any case.</summary>
    internal static bool Operator(JsonNode? node)
    {
        var value = JsonValues.AsString(node);
        if (value is null || value.Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw StoreException.IllegalArgument("operator needs to be either [OR, AND], but not [" + value + "]");
    }
}
