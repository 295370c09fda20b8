using System.Globalization;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Explain;

/// <summary>
/// Explains documents of one search context. Each query type explains itself (<see cref="QueryNode.Explain"/>); a type
/// without its own explanation reports the score it computes (<see cref="Generic"/>). Whole-snapshot results of the
/// clauses are kept, so explaining every hit of a page runs each clause once.
/// </summary>
internal sealed class QueryExplainer(SearchContext context)
{
    private readonly Dictionary<QueryNode, DocResult> _results = new(ReferenceEqualityComparer.Instance);

    public SearchContext Context { get; } = context;

    public Explanation Explain(QueryNode node, int ord) => node.Explain(this, ord);

    /// <summary>The clause's matches and scores over the whole snapshot (computed once).</summary>
    public DocResult Result(QueryNode node)
    {
        if (!_results.TryGetValue(node, out var result))
        {
            result = node.Execute(Context, scoring: true);
            _results[node] = result;
        }

        return result;
    }

    /// <summary>The score a clause computes for the document, described by the clause's type.</summary>
    public Explanation Generic(QueryNode node, int ord, string? description = null)
    {
        var result = Result(node);
        description ??= Describe(node);
        return result.Bits[ord]
            ? Explanation.Match(result.Score(ord), description)
            : Explanation.NoMatch("no match on " + description);
    }

    /// <summary>A float as Java prints it (<c>2.0</c>, <c>0.5</c>), as Lucene's descriptions show boosts.</summary>
    public static string JavaFloat(float value) =>
        value == MathF.Floor(value) && MathF.Abs(value) < 1e7f
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Describe(QueryNode node)
    {
        var name = node.GetType().Name;
        if (name.EndsWith("Query", StringComparison.Ordinal))
        {
            name = name[..^"Query".Length];
        }

        var snake = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && snake.Length > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(c));
        }

        return "[" + snake + "] query" + (node.Boost == 1f ? string.Empty : "^" + JavaFloat(node.Boost));
    }
}
