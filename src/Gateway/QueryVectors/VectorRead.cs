using System.Diagnostics.CodeAnalysis;
using Gateway.Rewrite;

namespace Gateway.QueryVectors;

/// <summary>A stored vector, or why it could not be read (an Elasticsearch-shaped error the caller gets).</summary>
internal sealed class VectorRead
{
    private VectorRead(float[]? vector, RewriteError? error) => (Vector, Error) = (vector, error);

    public float[]? Vector { get; }

    public RewriteError? Error { get; }

    [MemberNotNullWhen(true, nameof(Vector))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsFound => Vector is not null;

    public static VectorRead Found(float[] vector) => new(vector, null);

    public static VectorRead Failed(RewriteError error) => new(null, error);

    public static VectorRead Failed(int status, string type, string reason) => new(null, new RewriteError(status, type, reason));
}
