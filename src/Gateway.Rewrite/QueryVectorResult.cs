using System.Diagnostics.CodeAnalysis;

namespace Gateway.Rewrite;

/// <summary>What an <see cref="IQueryVectorSource"/> answers: a <see cref="QueryVector"/>, or the Elasticsearch-shaped
/// error the request is refused with (an unknown photo, an undecodable image, a full embedding queue).</summary>
public sealed class QueryVectorResult
{
    private QueryVectorResult(QueryVector? vector, RewriteError? error) => (Vector, Error) = (vector, error);

    /// <summary>The vector; null when <see cref="Error"/> says why there is none.</summary>
    public QueryVector? Vector { get; }

    /// <summary>Why there is no vector.</summary>
    public RewriteError? Error { get; }

    [MemberNotNullWhen(true, nameof(Vector))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Vector is not null;

    public static implicit operator QueryVectorResult(QueryVector vector) => new(vector ?? throw new ArgumentNullException(nameof(vector)), null);

    public static implicit operator QueryVectorResult(RewriteError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
