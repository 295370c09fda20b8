using System.Diagnostics.CodeAnalysis;
using Gateway.Photos.Exif;
using Gateway.Rewrite;

namespace Gateway.QueryVectors;

/// <summary>A stored vector, or why it could not be read (an Elasticsearch-shaped error the caller gets).</summary>
internal sealed class VectorRead
{
    private VectorRead(float[]? vector, RewriteError? error) => (Vector, Error) = (vector, error);

    public float[]? Vector { get; }

    /// <summary>The stored photo's camera metadata (position, direction, focal length, size), for identification.</summary>
    public PhotoMetadata? Metadata { get; private init; }

    public RewriteError? Error { get; }

    [MemberNotNullWhen(true, nameof(Vector))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsFound => Vector is not null;

    public static VectorRead Found(float[] vector, PhotoMetadata? metadata = null) => new(vector, null) { Metadata = metadata };

    public static VectorRead Failed(RewriteError error) => new(null, error);

    public static VectorRead Failed(int status, string type, string reason) => new(null, new RewriteError(status, type, reason));
}
