namespace Gateway.Rewrite;

/// <summary>A parsed <c>query_image</c>: either the bytes of an uploaded image or a stored photo's id.</summary>
/// <param name="Image">The decoded base64 bytes, empty when <paramref name="PhotoId"/> is set.</param>
/// <param name="PhotoId">The id of a stored photo whose vector is reused.</param>
/// <param name="PhotoIndex">The index that holds <paramref name="PhotoId"/>.</param>
/// <param name="Mode">What to search with.</param>
internal sealed record ImageQuery(ReadOnlyMemory<byte> Image, string? PhotoId, string PhotoIndex, ImageQueryMode Mode);
