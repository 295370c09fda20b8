using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>A parsed kNN request: a top-level <c>knn</c> section or a <c>knn</c> query.</summary>
internal sealed class KnnSearch
{
    public required string Field { get; init; }

    /// <summary>The query vector given as numbers (null when given as a string).</summary>
    public float[]? QueryVector { get; init; }

    /// <summary>The query vector given as a hex or base64 string, decoded against the field's element type and dims.</summary>
    public string? EncodedQueryVector { get; init; }

    public required int K { get; init; }

    /// <summary>A top-level <c>knn</c> section (as opposed to a <c>knn</c> query); Elasticsearch words a few errors differently.</summary>
    public bool TopLevel { get; init; }

    public required int NumCandidates { get; init; }

    /// <summary>Pre-filter: only documents matching every filter are candidates.</summary>
    public IReadOnlyList<QueryNode> Filters { get; init; } = [];

    /// <summary>Minimum similarity (in the field's similarity space, not the score space).</summary>
    public float? Similarity { get; init; }

    public float Boost { get; init; } = 1f;

    public string? Name { get; init; }
}
