namespace Gateway.Embeddings.Images;

/// <summary>Decoded 8-bit pixels, row-major, <see cref="Channels"/> bytes per pixel (RGB or RGBA; the first three are R, G, B).</summary>
internal sealed record PixelBuffer(byte[] Pixels, int Width, int Height, int Channels)
{
    public int Stride => Width * Channels;
}
