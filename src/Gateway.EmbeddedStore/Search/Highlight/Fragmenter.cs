using System.Net;
using System.Text;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Analysis;

namespace Gateway.EmbeddedStore.Search.Highlight;

/// <summary>
/// Lucene's plain highlighter over one field's values: tokens located in the text, fragments cut every
/// <c>fragment_size</c> characters at token ends (SimpleFragmenter), scored by the number of distinct query terms
/// they hold (QueryScorer), the best <c>number_of_fragments</c> kept in text order (or by score).
/// </summary>
internal static class Fragmenter
{
    public static List<string> Highlight(FieldMapping field, IReadOnlyList<string> values, HighlightTerms terms, HighlightOptions options)
    {
        var found = new List<(string Text, int Score, int Value, int Start)>();
        for (var v = 0; v < values.Count; v++)
        {
            var value = values[v];
            var tokens = Tokens(field, value);
            var matched = tokens.Where(t => terms.Matches(field.Path, t.Term, !options.RequireFieldMatch)).ToList();
            if (matched.Count == 0)
            {
                continue;
            }

            if (options.NumberOfFragments == 0)
            {
                found.Add((Mark(value, 0, value.Length, matched, options), matched.Select(m => m.Term).Distinct().Count(), v, 0));
                continue;
            }

            foreach (var (start, end) in Fragments(value, tokens, options.FragmentSize))
            {
                var inside = matched.Where(m => m.Start >= start && m.End <= end).ToList();
                if (inside.Count > 0)
                {
                    found.Add((Mark(value, start, end, inside, options), inside.Select(m => m.Term).Distinct().Count(), v, start));
                }
            }
        }

        if (found.Count == 0)
        {
            return options.NoMatchSize > 0 && values.Count > 0 ? [NoMatch(field, values[0], options)] : [];
        }

        var limit = options.NumberOfFragments == 0 ? found.Count : options.NumberOfFragments;
        var best = found.OrderByDescending(f => f.Score).ThenBy(f => f.Value).ThenBy(f => f.Start).Take(limit);
        if (!options.ScoreOrder)
        {
            best = best.OrderBy(f => f.Value).ThenBy(f => f.Start);
        }

        return best.Select(f => f.Text).ToList();
    }

    private static List<(string Term, int Start, int End)> Tokens(FieldMapping field, string value)
    {
        if (field.Kind == FieldKind.Keyword)
        {
            return field.IgnoreAbove is { } max && value.Length > max ? [] : [(value, 0, value.Length)];
        }

        // The analyzer yields terms without offsets: each is found in the text after the previous one (the
        // standard analyzer only splits and lower-cases, so a term is a case-insensitive piece of the text).
        var tokens = new List<(string, int, int)>();
        var position = 0;
        foreach (var term in StandardAnalyzer.Analyze(value, AnalyzerNames.For(field)))
        {
            var at = value.IndexOf(term, position, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                tokens.Add((term, at, at + term.Length));
                position = at + term.Length;
            }
        }

        return tokens;
    }

    private static List<(int Start, int End)> Fragments(string value, List<(string Term, int Start, int End)> tokens, int size)
    {
        var result = new List<(int, int)>();
        var start = 0;
        var count = 1;
        foreach (var (_, tokenStart, tokenEnd) in tokens)
        {
            if (size > 0 && tokenEnd >= size * count && tokenStart > start)
            {
                result.Add((start, tokenStart));
                start = tokenStart;
                count++;
            }
        }

        result.Add((start, value.Length));
        return result;
    }

    private static string Mark(string value, int start, int end, List<(string Term, int Start, int End)> matched, HighlightOptions options)
    {
        var text = new StringBuilder();
        var position = start;
        foreach (var (_, tokenStart, tokenEnd) in matched.OrderBy(m => m.Start))
        {
            text.Append(Encode(value[position..tokenStart], options)).Append(options.PreTags[0])
                .Append(Encode(value[tokenStart..tokenEnd], options)).Append(options.PostTags[0]);
            position = tokenEnd;
        }

        return text.Append(Encode(value[position..end], options)).ToString();
    }

    private static string NoMatch(FieldMapping field, string value, HighlightOptions options)
    {
        if (value.Length <= options.NoMatchSize)
        {
            return Encode(value, options);
        }

        var end = Tokens(field, value).Where(t => t.End <= options.NoMatchSize).Select(t => t.End).DefaultIfEmpty(options.NoMatchSize).Max();
        return Encode(value[..end], options);
    }

    private static string Encode(string text, HighlightOptions options) => options.HtmlEncode ? WebUtility.HtmlEncode(text) : text;
}
