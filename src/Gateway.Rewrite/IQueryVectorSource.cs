namespace Gateway.Rewrite;

/// <summary>
/// Turns the text or image of a search request into a query vector. Implemented by the host over
/// the embedding service and the peak catalog; faked in the rewriter's unit tests.
/// Request errors (an unknown photo, an undecodable image) are answered as <see cref="QueryVectorResult.Error"/> values.
/// </summary>
public interface IQueryVectorSource
{
    /// <summary>A text query: a catalog peak's prototype when the text names a peak, else the query prompt ensemble.</summary>
    ValueTask<QueryVectorResult> FromTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>An uploaded image: identifies the peak, then returns the vector that <paramref name="mode"/> asks for.</summary>
    ValueTask<QueryVectorResult> FromImageAsync(ReadOnlyMemory<byte> image, ImageQueryMode mode, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="id"/> is a catalog peak's id (validates <c>peak_in_frame</c> filters).</summary>
    ValueTask<bool> IsCatalogPeakAsync(string id, CancellationToken cancellationToken);

    /// <summary>A stored photo's vector (read from <paramref name="index"/>), handled like an uploaded image.</summary>
    ValueTask<QueryVectorResult> FromPhotoAsync(string photoId, string index, ImageQueryMode mode, CancellationToken cancellationToken);
}
