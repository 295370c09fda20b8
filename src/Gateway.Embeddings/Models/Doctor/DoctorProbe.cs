namespace Gateway.Embeddings.Models;

/// <summary>The known pair <c>models doctor</c> scores: an image, a text that describes it and one that does not.</summary>
/// <param name="Image">Encoded image bytes.</param>
/// <param name="ImageName">Named in the report.</param>
/// <param name="Text">A text that matches the image.</param>
/// <param name="Decoy">A text that does not; the match must score higher.</param>
/// <param name="MinCosine">Lowest acceptable cosine of image and <paramref name="Text"/>.</param>
/// <param name="MaxCosine">Highest acceptable cosine (a value near 1 means the towers collapsed to one direction).</param>
public sealed record DoctorProbe(byte[] Image, string ImageName, string Text, string Decoy, double MinCosine, double MaxCosine)
{
    /// <summary>A solid red picture against "red" and "green": colour words are among the surest things a SigLIP model knows, and
    /// the picture needs no file. The band is a plausibility range (positive, below 0.9), not a published figure.</summary>
    public static DoctorProbe Default { get; } = new(SolidPng(255, 0, 0), "solid red 224x224", "a photo of the colour red", "a photo of the colour green", 0.0, 0.9);

    private static byte[] SolidPng(byte r, byte g, byte b)
    {
        using var bitmap = new SkiaSharp.SKBitmap(224, 224);
        bitmap.Erase(new SkiaSharp.SKColor(r, g, b));
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
