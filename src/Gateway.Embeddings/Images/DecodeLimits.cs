namespace Gateway.Embeddings.Images;

/// <summary>Checks shared by all readers, with messages that name the file.</summary>
internal static class DecodeLimits
{
    public static void CheckPixels(string label, long width, long height, ImageDecodeOptions options)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageDecodeException($"{label} could not be decoded: its header gives a size of {width}x{height}");
        }
        if (width * height > options.MaxPixels)
        {
            throw new ImageDecodeException(
                $"{label} is {width}x{height} = {width * height} pixels, over the limit of {options.MaxPixels} (Embeddings:Images:MaxPixels)",
                tooLarge: true);
        }
    }
}
