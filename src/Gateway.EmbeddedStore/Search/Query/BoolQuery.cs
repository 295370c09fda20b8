using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Explain;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>bool</c>: must and should score (summed), filter and must_not do not; minimum_should_match.</summary>
internal sealed class BoolQuery : QueryNode
{
    public List<QueryNode> Must { get; } = [];

    public List<QueryNode> Should { get; } = [];

    public List<QueryNode> Filter { get; } = [];

    public List<QueryNode> MustNot { get; } = [];

    public string? MinimumShouldMatch { get; set; }

    public override IEnumerable<QueryNode> Children => Must.Concat(Filter).Concat(Should).Concat(MustNot);

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        foreach (var clause in Must.Concat(Should).Concat(Filter))
        {
            clause.CollectTerms(context, terms);
        }
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        if (Must.Count + Should.Count + Filter.Count + MustNot.Count == 0)
        {
            return new DocResult(context.Snapshot.AllLive(), null, Boost);
        }

        var bits = context.Snapshot.AllLive();
        var scores = scoring ? context.Scores() : null;
        foreach (var clause in Filter)
        {
            bits.And(clause.Execute(context, scoring: false).Bits);
        }

        // As in Elasticsearch, the bool's filters pre-filter kNN clauses (k hits that all match).
        var preFilter = Filter.Count > 0 ? bits.Clone() : null;
        foreach (var clause in Must)
        {
            var r = Run(clause, context, scoring, preFilter);
            bits.And(r.Bits);
            Accumulate(scores, r);
        }

        foreach (var clause in MustNot)
        {
            bits.AndNot(clause.Execute(context, scoring: false).Bits);
        }

        var required = MinimumShouldMatchParser.Resolve(MinimumShouldMatch, Should.Count, Must.Count + Filter.Count > 0 ? 0 : 1);
        if (Should.Count > 0)
        {
            var counts = context.Counts();
            var any = new DocBits(context.MaxDoc);
            foreach (var clause in Should)
            {
                var r = Run(clause, context, scoring, preFilter);
                foreach (var ord in r.Bits.Ordinals())
                {
                    counts[ord]++;
                }

                any.Or(r.Bits);
                Accumulate(scores, r);
            }

            if (required > 0)
            {
                foreach (var ord in bits.ToArray())
                {
                    if (counts[ord] < required)
                    {
                        bits.Clear(ord);
                    }
                }
            }
        }

        if (scores is not null && Boost != 1f)
        {
            foreach (var ord in bits.Ordinals())
            {
                scores[ord] *= Boost;
            }
        }

        return new DocResult(bits, scores, 0f);
    }

    // As Lucene's BooleanWeight explains: the scoring clauses that match are summed; a required clause that does not
    // match, a prohibited one that does, or too few optional ones make the document a non-match.
    public override Explanation Explain(QueryExplainer explainer, int ord)
    {
        if (Must.Count + Should.Count + Filter.Count + MustNot.Count == 0)
        {
            return new MatchAllQuery { Boost = Boost }.Explain(explainer, ord);
        }

        if (Filter.Count > 0 && Must.Concat(Should).Any(c => c is KnnQuery or NestedQuery))
        {
            // kNN and nested clauses are pre-filtered by the bool's filters: explain with the scores the search computed.
            return explainer.Generic(this, ord, "sum of:");
        }

        var details = new List<Explanation>();
        var sum = 0f;
        var failed = false;
        foreach (var clause in Filter)
        {
            var e = explainer.Explain(clause, ord);
            if (!e.IsMatch)
            {
                failed = true;
                details.Add(Explanation.NoMatch("no match on required clause (" + e.Description + ")", e));
            }
        }

        foreach (var clause in Must)
        {
            var e = explainer.Explain(clause, ord);
            if (e.IsMatch)
            {
                details.Add(e);
                sum += e.Value;
            }
            else
            {
                failed = true;
                details.Add(Explanation.NoMatch("no match on required clause (" + e.Description + ")", e));
            }
        }

        foreach (var clause in MustNot)
        {
            var e = explainer.Explain(clause, ord);
            if (e.IsMatch)
            {
                failed = true;
                details.Add(Explanation.NoMatch("match on prohibited clause (" + e.Description + ")", e));
            }
        }

        var matchedShould = 0;
        foreach (var clause in Should)
        {
            var e = explainer.Explain(clause, ord);
            if (e.IsMatch)
            {
                details.Add(e);
                sum += e.Value;
                matchedShould++;
            }
        }

        if (failed)
        {
            return Explanation.NoMatch("Failure to meet condition(s) of required/prohibited clause(s)", details);
        }

        var required = MinimumShouldMatchParser.Resolve(MinimumShouldMatch, Should.Count, Must.Count + Filter.Count > 0 ? 0 : 1);
        if (Should.Count > 0 && matchedShould < required)
        {
            return Explanation.NoMatch("Failure to match minimum number of optional clauses: " + required, details);
        }

        if (Must.Count == 0 && matchedShould == 0)
        {
            return Explanation.Match(0f, "match on required clause, product of:", Explanation.Match(0f, "# clause"), Explanation.Match(Boost, "FILTER clause"));
        }

        return Boost == 1f
            ? Explanation.Match(sum, "sum of:", details)
            : Explanation.Match(sum * Boost, "product of:", Explanation.Match(sum, "sum of:", details), Explanation.Match(Boost, "boost"));
    }

    private static DocResult Run(QueryNode clause, SearchContext context, bool scoring, DocBits? preFilter) =>
        clause switch
        {
            KnnQuery knn when preFilter is not null => knn.Execute(context, preFilter),
            NestedQuery nested when preFilter is not null => nested.Execute(context, scoring, preFilter),
            _ => clause.Execute(context, scoring),
        };

    private static void Accumulate(float[]? scores, DocResult r)
    {
        if (scores is null)
        {
            return;
        }

        foreach (var ord in r.Bits.Ordinals())
        {
            scores[ord] += r.Score(ord);
        }
    }
}
