using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>A parsed kNN request: a top-level <c>knn</c> section or a <c>knn</c> query.</summary>
internal sealed class KnnSearch
{
    public required string Field { get; init; }

    public required float[] QueryVector { get; init; }

    public required int K { get; init; }

    public required int NumCandidates { get; init; }

    /// <summary>Pre-filter: only documents matching every filter are candidates.</summary>
    public IReadOnlyList<QueryNode> Filters { get; init; } = [];

    /// <summary>Minimum similarity (in the field's similarity space, not the score space).</summary>
    public float? Similarity { get; init; }

    public float Boost { get; init; } = 1f;

    public string? Name { get; init; }

    /// <summary><c>inner_hits</c> of a search on a vector inside nested objects (parsed when the nested path is known).</summary>
    public System.Text.Json.Nodes.JsonNode? InnerHits { get; init; }
}
