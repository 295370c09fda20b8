using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <content><c>match_bool_prefix</c> (and the options it shares with <c>multi_match</c> of type <c>bool_prefix</c>) and <c>combined_fields</c>.</content>
internal static partial class QueryParser
{
    private static readonly string[] CombinedFieldsOptions = ["query", "fields", "operator", "minimum_should_match", "zero_terms_query", "auto_generate_synonyms_phrase_query", "boost", "_name"];

    private static QueryNode ParseCombinedFields(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[combined_fields] query malformed, no start_object after query name");
        foreach (var (key, _) in obj)
        {
            if (Array.IndexOf(CombinedFieldsOptions, key) < 0)
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[combined_fields] unknown field [" + key + "]");
            }
        }

        var text = JsonValues.AsString(obj["query"]) ?? throw StoreException.IllegalArgument("Required [query]");
        if (obj["auto_generate_synonyms_phrase_query"] is { } synonyms)
        {
            // No analyzer of the store produces synonyms, so the option (default true) changes nothing.
            JsonValues.ToBool(synonyms, "auto_generate_synonyms_phrase_query");
        }

        var zeroTerms = JsonValues.AsString(obj["zero_terms_query"]) ?? "none";
        if (zeroTerms is not ("none" or "all"))
        {
            throw StoreException.IllegalArgument("Unsupported zero_terms_query value [" + zeroTerms + "]");
        }

        var query = new CombinedFieldsQuery
        {
            Fields = obj["fields"] is JsonArray fields ? fields.Select(f => JsonValues.AsString(f) ?? string.Empty).ToList() : ["*"],
            Text = text,
            AndOperator = Operator(obj["operator"]),
            MinimumShouldMatch = JsonValues.AsString(obj["minimum_should_match"]),
            ZeroTermsAll = zeroTerms == "all",
        };
        return WithCommon(query, obj, "combined_fields");
    }

    /// <summary>A single-field query (<c>{"fuzzy":{"field":...}}</c>) parsed by <paramref name="parse"/>.</summary>
    private static QueryNode ParseSingleField(string type, JsonNode? body, Func<string, JsonNode?, JsonObject, QueryNode> parse)
    {
        var (field, spec, obj) = SingleField(type, body);
        return parse(field, spec, obj);
    }

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
