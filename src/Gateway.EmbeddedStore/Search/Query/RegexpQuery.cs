using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>regexp</c>: the documents with an indexed term of a keyword or text field that the whole pattern matches
/// (Lucene's syntax, <see cref="LuceneRegexp"/>); constant score. <c>flags</c> (<c>ALL</c> by default, <c>NONE</c>, or
/// names joined by <c>|</c>), <c>flags_value</c>, <c>case_insensitive</c>, <c>max_determinized_states</c> (must be
/// positive; the .NET engine needs no determinisation) and <c>rewrite</c> (every rewrite of a constant-score query
/// scores the same here). Other field types fail the shards with Elasticsearch's message.
/// </summary>
internal sealed class RegexpQuery : QueryNode
{
    private static readonly string[] Options = ["value", "flags", "flags_value", "case_insensitive", "max_determinized_states", "rewrite"];
    private static readonly string[] FlagNames = ["ALL", "ANYSTRING", "COMPLEMENT", "EMPTY", "INTERSECTION", "INTERVAL", "NONE"];

    private RegexpQuery(string field, string pattern, bool operators, bool ignoreCase)
    {
        Field = field;
        Pattern = pattern;
        Operators = operators;
        IgnoreCase = ignoreCase;
    }

    public string Field { get; }

    public string Pattern { get; }

    public bool Operators { get; }

    public bool IgnoreCase { get; }

    public static RegexpQuery Parse(string field, JsonNode? spec, JsonObject outer)
    {
        var options = spec as JsonObject ?? new JsonObject { ["value"] = spec?.DeepClone() };
        QueryParser.RequireKnown("regexp", options, Options);
        var value = JsonValues.AsString(options["value"]) ?? throw StoreException.IllegalArgument("value cannot be null");
        var operators = true;
        if (JsonValues.AsString(options["flags"]) is { } flags)
        {
            var names = flags.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                if (Array.IndexOf(FlagNames, name.ToUpperInvariant()) < 0)
                {
                    throw StoreException.IllegalArgument("Unknown regexp flag [" + name + "]");
                }
            }

            operators = names.Any(n => !n.Equals("NONE", StringComparison.OrdinalIgnoreCase));
        }

        if (options["flags_value"] is { } flagsValue)
        {
            operators = JsonValues.ToInt(flagsValue, "flags_value") != 0;
        }

        if (options["max_determinized_states"] is { } states && JsonValues.ToInt(states, "max_determinized_states") <= 0)
        {
            throw StoreException.IllegalArgument("maxDeterminizedStates must be positive");
        }

        if (JsonValues.AsString(options["rewrite"]) is { } rewrite)
        {
            RewriteMethod.Parse(rewrite);
        }

        var ignoreCase = options["case_insensitive"] is { } ci && JsonValues.ToBool(ci, "case_insensitive");
        return QueryParser.WithCommon(QueryParser.WithCommon(new RegexpQuery(field, value, operators, ignoreCase), options, "regexp"), outer, "regexp");
    }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        var regex = LuceneRegexp.ToRegex(Pattern, Operators, IgnoreCase);
        terms.AddPattern(Field, regex.IsMatch);
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        if (field.Kind is not (FieldKind.Keyword or FieldKind.Text))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Can only use regexp queries on keyword and text fields - not on [" + Field + "] which is of type [" + FieldMappings.TypeName(field) + "]"));
        }

        if (Pattern.Length > context.MaxRegexLength)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "The length of regex [" + Pattern.Length + "] used in the Regexp Query request has exceeded the allowed maximum of [" + context.MaxRegexLength +
                "]. This maximum can be set by changing the [index.max_regex_length] index level setting."));
        }

        Regex regex = LuceneRegexp.ToRegex(Pattern, Operators, IgnoreCase);
        var bits = new DocBits(context.MaxDoc);
        foreach (var (term, postings) in TermIndex.For(context.Snapshot, Field).Terms)
        {
            if (!regex.IsMatch(term))
            {
                continue;
            }

            foreach (var ord in postings.Ords)
            {
                bits.Set(ord);
            }
        }

        return new DocResult(bits, null, Boost);
    }
}
