namespace Gateway.Rewrite;

/// <summary>Finds the dense_vector fields of an index expression (an index, a list, an alias or a pattern).</summary>
public interface IVectorFieldResolver
{
    /// <summary>
    /// The vector fields of <paramref name="indexExpression"/>, or <see langword="null"/> when the
    /// index does not exist or its mapping cannot be read.
    /// </summary>
    ValueTask<VectorFields?> ResolveAsync(string indexExpression, CancellationToken cancellationToken);
}
