using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Explain;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>term</c> and <c>terms</c>: exact values. Keyword and text fields use the inverted index and
/// score with BM25 (text terms are not analysed); numbers, dates and booleans match any equal
/// value and score the boost; <c>_id</c> and <c>_index</c> are supported.
/// </summary>
internal sealed class TermQuery : QueryNode
{
    public TermQuery(string field, IReadOnlyList<JsonNode?> values, bool caseInsensitive, bool isTerms)
    {
        Field = field;
        Values = values;
        CaseInsensitive = caseInsensitive;
        IsTerms = isTerms;
    }

    public string Field { get; }

    public IReadOnlyList<JsonNode?> Values { get; }

    public bool CaseInsensitive { get; }

    public bool IsTerms { get; }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        foreach (var value in Values)
        {
            var text = JsonValues.AsString(value) ?? string.Empty;
            if (CaseInsensitive)
            {
                terms.AddPattern(Field, t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                terms.Add(Field, text);
            }
        }
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        if (IsTerms && Values.Count > context.MaxTermsCount)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "The number of terms [" + Values.Count + "] used in the Terms Query request has exceeded the allowed maximum of [" + context.MaxTermsCount +
                "]. This maximum can be set by changing the [index.max_terms_count] index level setting."));
        }

        var strings = Values.Select(v => JsonValues.AsString(v) ?? string.Empty).ToList();
        if (Field == "_id")
        {
            return new IdsQuery(strings) { Boost = Boost }.Execute(context, scoring);
        }

        if (Field == "_index")
        {
            return strings.Any(s => Wildcard.Matches(s, context.IndexName)) ? new MatchAllQuery { Boost = Boost }.Execute(context, scoring) : DocResult.Empty(context.MaxDoc);
        }

        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        switch (field.Kind)
        {
            case FieldKind.Keyword or FieldKind.Text:
                if (field.Encoding == KeywordEncoding.Binary)
                {
                    throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("Binary fields do not support searching", context.IndexName));
                }

                var index = TermIndex.For(context.Snapshot, Field);
                var postings = field.Encoding == KeywordEncoding.Ip
                    ? IpPostings(index, strings, context)
                    : CaseInsensitive
                    ? index.Terms.Where(t => strings.Any(s => string.Equals(s, t.Key, StringComparison.OrdinalIgnoreCase))).Select(t => t.Value)
                    : strings.Distinct(StringComparer.Ordinal).Select(s => index.Terms.GetValueOrDefault(s)).OfType<Postings>();

                // terms is a constant-score query in Elasticsearch; term scores with BM25.
                var result = FieldScan.Score(context, index, postings.ToList(), Boost, scoring && !IsTerms);
                return IsTerms ? new DocResult(result.Bits, null, Boost) : result;
            case FieldKind.GeoPoint or FieldKind.DenseVector:
                throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard(
                    "Field [" + Field + "] of type [" + FieldTypeNames.Of(field.Kind) + "] does not support term queries", context.IndexName));
            default:
                var targets = Values.Select(v => field.Quantize(QueryValues.ToNumber(field, v, context))).ToHashSet();
                var ranges = field.Kind == FieldKind.Date
                    ? Values.Select(v => (QueryValues.ToNumber(field, v, context), QueryValues.ToNumber(field, v, context, roundUp: true))).ToList()
                    : null;
                Func<double, bool> match = ranges is not null ? n => ranges.Exists(r => n >= r.Item1 && n <= r.Item2) : targets.Contains;
                var bits = FieldNumbers.Column(context.Snapshot, Field).Where(match);
                return new DocResult(bits, null, Boost);
        }
    }

    public override Explanation Explain(QueryExplainer explainer, int ord)
    {
        // A term on a keyword or text field scores with BM25; terms, numbers and dates are constant scores.
        if (!IsTerms && !CaseInsensitive && Values.Count == 1 && explainer.Context.Field(Field) is { Kind: FieldKind.Keyword or FieldKind.Text, Encoding: KeywordEncoding.Plain })
        {
            return TermWeightExplanation.Explain(explainer.Context, Field, JsonValues.AsString(Values[0]) ?? string.Empty, ord, Boost);
        }

        var description = Field + ":" + string.Join(" ", Values.Select(v => JsonValues.AsString(v)));
        return explainer.Generic(this, ord, Boost == 1f ? description : "(" + description + ")^" + QueryExplainer.JavaFloat(Boost));
    }

    // ip terms are addresses or CIDR ranges ("192.168.0.0/16"), compared in canonical form.
    private static IEnumerable<Postings> IpPostings(TermIndex index, List<string> values, SearchContext context)
    {
        List<Func<string, bool>> matchers;
        try
        {
            matchers = [.. values.Select(v => v.Contains('/', StringComparison.Ordinal) ? IpValues.CidrMatcher(v) : EqualTo(IpValues.Canonical(v)))];
        }
        catch (FormatException e)
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard(e.Message, context.IndexName));
        }

        return index.Terms.Where(t => matchers.Any(m => m(t.Key))).Select(t => t.Value);

        static Func<string, bool> EqualTo(string canonical) => t => string.Equals(t, canonical, StringComparison.Ordinal);
    }

    public static void RequireSingleField(string type, JsonObject obj)
    {
        var fields = obj.Where(p => p.Key is not "boost" and not "_name").Select(p => p.Key).ToList();
        if (fields.Count > 1)
        {
            throw StoreException.Parsing("[" + type + "] query doesn't support multiple fields, found [" + fields[0] + "] and [" + fields[1] + "]");
        }

        if (fields.Count == 0)
        {
            throw StoreException.IllegalArgument("field name is null or empty");
        }
    }
}
