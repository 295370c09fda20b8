namespace Gateway.Embeddings.Images;

/// <summary>Pixels as a reader produced them, plus the EXIF orientation still to apply (1 when already upright).</summary>
internal sealed record DecodedImage(PixelBuffer Pixels, int Orientation, string Path);
