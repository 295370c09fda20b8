using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>prefix</c> and <c>wildcard</c> on keyword and text terms; constant score.</summary>
internal sealed class PatternQuery : QueryNode
{
    public PatternQuery(string field, string pattern, bool isPrefix, bool caseInsensitive)
    {
        Field = field;
        Pattern = pattern;
        IsPrefix = isPrefix;
        CaseInsensitive = caseInsensitive;
    }

    public string Field { get; }

    public string Pattern { get; }

    public bool IsPrefix { get; }

    public bool CaseInsensitive { get; }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms) =>
        terms.AddPattern(Field, term => IsPrefix
            ? term.StartsWith(Pattern, CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            : Wildcard.Matches(Pattern, term, CaseInsensitive));

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null || field.Kind is not (FieldKind.Keyword or FieldKind.Text))
        {
            return DocResult.Empty(context.MaxDoc);
        }

        var comparison = CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var index = TermIndex.For(context.Snapshot, Field);
        var bits = new DocBits(context.MaxDoc);
        foreach (var (term, postings) in index.Terms)
        {
            var match = IsPrefix ? term.StartsWith(Pattern, comparison) : Wildcard.Matches(Pattern, term, CaseInsensitive);
            if (match)
            {
                foreach (var ord in postings.Ords)
                {
                    bits.Set(ord);
                }
            }
        }

        return new DocResult(bits, null, Boost);
    }
}
