namespace Gateway.Rewrite;

/// <summary>What the gateway did to one search body: the query vectors it produced, in body order.</summary>
public sealed class GatewayAnnotation
{
    private readonly List<QueryVector> _queries = [];

    /// <summary>Every query vector the body's text and images became.</summary>
    public IReadOnlyList<QueryVector> Queries => _queries;

    internal void Add(QueryVector query) => _queries.Add(query);
}
