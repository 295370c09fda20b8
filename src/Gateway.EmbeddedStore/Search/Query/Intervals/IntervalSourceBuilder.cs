using System.Text;
using System.Text.RegularExpressions;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Analysis;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>
/// Binds parsed interval rules to a text field as Elasticsearch's <c>IntervalsSourceProvider</c> and
/// <c>IntervalBuilder</c> do: the rule's <c>analyzer</c> (or the field's search analyzer) analyses <c>match</c> text
/// into terms combined as a phrase (<c>ordered</c> with <c>max_gaps: 0</c>), an ordered or an unordered source,
/// gap-limited when <c>max_gaps</c> is set; prefix, wildcard, regexp, fuzzy and range patterns are normalised by the
/// analyzer (lower-cased by the standard one) and expand to the terms they accept.
/// </summary>
internal static class IntervalSourceBuilder
{
    private static readonly string[] KnownAnalyzers = ["standard", "simple", "whitespace", "keyword"];

    public static IntervalSource Build(IntervalRule rule, SearchContext context, FieldMapping field)
    {
        var target = field;
        if (rule.UseField is { } useField)
        {
            target = context.Field(useField)!;
            RequireText(target);
        }

        var analyzer = rule.Analyzer is { } named && Array.IndexOf(KnownAnalyzers, named) >= 0 ? named : AnalyzerNames.ForSearch(target);
        var source = rule.Type switch
        {
            "match" => Combine(StandardAnalyzer.Analyze(rule.Text, analyzer).Select(t => (IntervalSource)IntervalTermsSource.Term(t)).ToList(), rule.MaxGaps, rule.Ordered),
            "any_of" => new IntervalDisjunctionSource(rule.Children.Select(c => Build(c, context, target)).ToList()),
            "all_of" => Combine(rule.Children.Select(c => Build(c, context, target)).ToList(), rule.MaxGaps, rule.Ordered),
            "prefix" => Prefix(Normalize(rule.Text, analyzer)),
            "wildcard" => Pattern("wildcard", WildcardRegex(Normalize(rule.Text, analyzer))),
            "regexp" => Pattern("regexp", LuceneRegexp.ToRegex(Normalize(rule.Text, analyzer), operators: true, ignoreCase: false)),
            "fuzzy" => Fuzzy(rule, Normalize(rule.Text, analyzer)),
            _ => Range(rule, analyzer),
        };
        if (rule.UseField is not null)
        {
            source = new IntervalFieldSource(rule.UseField, source);
        }

        if (rule.Filter is { } filter)
        {
            source = new IntervalFilterSource(rule.FilterType!, source, Build(filter, context, target));
        }

        return source;
    }

    /// <summary>Refuses a field that has no positions, with Elasticsearch's message.</summary>
    public static void RequireText(FieldMapping field)
    {
        if (field.Kind != FieldKind.Text)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("Can only use interval queries on text fields - not on [" + field.Path + "] which is of type [" + Mapping.FieldMappings.TypeName(field) + "]"));
        }
    }

    private static IntervalSource Combine(List<IntervalSource> sources, int maxGaps, bool ordered) => sources.Count switch
    {
        0 => IntervalTermsSource.Matching("none", _ => false),
        1 => sources[0],
        _ when maxGaps == 0 && ordered => new IntervalCombineSource(IntervalCombineMode.Phrase, sources, -1),
        _ => new IntervalCombineSource(ordered ? IntervalCombineMode.Ordered : IntervalCombineMode.Unordered, sources, maxGaps),
    };

    private static string Normalize(string text, string analyzer) =>
        analyzer is "keyword" or "whitespace" ? text : text.ToLowerInvariant();

    private static IntervalTermsSource Prefix(string prefix) =>
        IntervalTermsSource.Matching("prefix:" + prefix, t => t.StartsWith(prefix, StringComparison.Ordinal));

    private static IntervalTermsSource Pattern(string type, Regex regex) =>
        IntervalTermsSource.Matching(type + ":" + regex, regex.IsMatch);

    private static IntervalTermsSource Fuzzy(IntervalRule rule, string term)
    {
        var distance = rule.Fuzziness.Distance(rule.Text);
        return IntervalTermsSource.Matching(
            "fuzzy:" + distance + ":" + rule.PrefixLength + ":" + rule.Transpositions + ":" + term,
            t => EditDistance.Within(term, t, distance, rule.PrefixLength, rule.Transpositions));
    }

    private static IntervalTermsSource Range(IntervalRule rule, string analyzer)
    {
        var lower = Normalize(rule.Lower!, analyzer);
        var upper = Normalize(rule.Upper!, analyzer);
        return IntervalTermsSource.Matching(
            "range:" + rule.IncludeLower + lower + ":" + rule.IncludeUpper + upper,
            t =>
            {
                var low = string.CompareOrdinal(t, lower);
                var high = string.CompareOrdinal(t, upper);
                return (rule.IncludeLower ? low >= 0 : low > 0) && (rule.IncludeUpper ? high <= 0 : high < 0);
            });
    }

    // Lucene's WildcardQuery syntax: * any string, ? one character, \ escapes the next one.
    private static Regex WildcardRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                '\\' when i + 1 < pattern.Length => Regex.Escape(pattern[++i].ToString()),
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
