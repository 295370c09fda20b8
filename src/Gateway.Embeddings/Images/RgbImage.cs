namespace Gateway.Embeddings.Images;

/// <summary>Decoded 8-bit pixels, row-major, three bytes (R, G, B) per pixel.</summary>
/// <param name="Pixels">Width × height × 3 bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record RgbImage(byte[] Pixels, int Width, int Height);
