using Gateway.Embeddings.Images;
using Xunit.Abstractions;

namespace Gateway.Embeddings.Tests.Images;

/// <summary>The real photos in ../shared/photos: orientation, format sniffing, fast paths and broken files.</summary>
public sealed class SharedPhotoDecodeTests(ITestOutputHelper output)
{
    private static readonly ImageDecoder Decoder = new(new ImageDecodeOptions());
    private static readonly ImagePreprocessor Fast = new(ImageInputSpec.Siglip224);
    private static readonly ImagePreprocessor Full = new(ImageInputSpec.Siglip224, new ImageDecodeOptions { FastPaths = false });

    public static TheoryData<string> EbcFiles() => new(
        "IMG_1512.HEIC", "IMG_1536 Copy.JPG", "IMG_1894.HEIC", "IMG_2199.HEIC", "IMG_2378.HEIC", "IMG_2490.HEIC", "IMG_2508.HEIC", "IMG_2612.HEIC");

    [SkippableTheory]
    [MemberData(nameof(EbcFiles))]
    public void Decode_EbcPhotoIsUprightAsTheManifestSays(string file)
    {
        var row = SharedPhotos.Manifest("ebc").Single(r => r["file"] == file);
        var (width, height) = (int.Parse(row["width"], null), int.Parse(row["height"], null));
        var swaps = row["orientation"] is "5" or "6" or "7" or "8";
        var (uprightW, uprightH) = swaps ? (height, width) : (width, height);

        var decoded = Decoder.Decode(File.ReadAllBytes(SharedPhotos.Path("ebc", file)), file, 224, 224);

        output.WriteLine($"{file}: stored {width}x{height} orientation {row["orientation"]} -> {decoded.Pixels.Width}x{decoded.Pixels.Height} via {decoded.Path}");
        Assert.Equal(uprightW > uprightH, decoded.Pixels.Width > decoded.Pixels.Height);
        Assert.Equal((double)uprightW / uprightH, (double)decoded.Pixels.Width / decoded.Pixels.Height, 0.02);
        Assert.True(Math.Min(decoded.Pixels.Width, decoded.Pixels.Height) >= 224);
    }

    [SkippableTheory]
    [InlineData("IMG_1512.HEIC", "thumbnail")]
    [InlineData("IMG_2199.HEIC", "thumbnail")]
    [InlineData("IMG_1536 Copy.JPG", "dct")]
    public void Preprocess_FastPathMatchesTheFullDecode(string file, string expectedPath)
    {
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", file));
        var fast = new float[ImageInputSpec.Siglip224.TensorLength];

        var path = Fast.PreprocessWithPath(bytes, file, fast);
        var full = Full.Preprocess(bytes, file);

        var diff = ImagePreprocessorFormatTests.MeanAbsDiff(fast, full);
        output.WriteLine($"{file}: {path}, mean |fast - full| = {diff:0.0000} (on a [-1, 1] scale)");
        Assert.StartsWith(expectedPath, path, StringComparison.Ordinal);
        // Same picture the same way up: a rotated or mirrored fast path would differ by ~0.3 or more.
        Assert.True(diff < 0.05, $"mean abs diff {diff}");
    }

    [SkippableFact]
    public void Decode_AllEightExifOrientationsGiveTheSameUprightPicture()
    {
        var reference = Fast.Preprocess(File.ReadAllBytes(SharedPhotos.Path("misc", "orientation", "Landscape_1.jpg")), "Landscape_1.jpg");
        for (var o = 0; o <= 8; o++)
        {
            var file = $"Landscape_{o}.jpg";
            var bytes = File.ReadAllBytes(SharedPhotos.Path("misc", "orientation", file));
            var decoded = Decoder.Decode(bytes, file, 224, 224);
            var diff = ImagePreprocessorFormatTests.MeanAbsDiff(reference, Fast.Preprocess(bytes, file));
            output.WriteLine($"{file}: upright {decoded.Pixels.Width}x{decoded.Pixels.Height}, mean |x - Landscape_1| = {diff:0.0000}");

            Assert.True(decoded.Pixels.Width > decoded.Pixels.Height, file);
            Assert.True(diff < 0.05, $"{file}: mean abs diff {diff}");
        }
        // Sanity: the stored pixels of orientation 6 are really rotated, so the check above can fail.
        var stored = Decoder.Decode(File.ReadAllBytes(SharedPhotos.Path("misc", "orientation", "Landscape_6.jpg")), "x", 224, 224);
        Assert.NotEqual(ExifOrientation.Apply(stored.Pixels, 8).Width, stored.Pixels.Width);
    }

    [SkippableTheory]
    [InlineData("heic/Apple_iPhone_XR_rotated.heic", 3024, 4032)]
    [InlineData("heic/Apple_iPhone_11_Pro_exif_at_eof.heic", 3024, 4032)]
    [InlineData("no-exif/tree_on_hill.webp", 1024, 772)]
    [InlineData("no-exif/hopper.png", 128, 128)]
    [InlineData("no-exif/hopper.tif", 128, 128)]
    [InlineData("gps-edge/Apple_iPhone_XR_1x1.jpg", 1, 1)]
    [InlineData("gps-edge/Xiaomi_Redmi_Note_9S_empty_gps_ifd.jpg", 10, 10)]
    [InlineData("gps-edge/Samsung_GT-I9000_null_island.jpg", 480, 640)]
    [InlineData("gps/Apple_iPhone_5.jpg", 3264, 2448)]
    public void Decode_MiscPhotoHasItsUprightSize(string file, int width, int height)
    {
        var bytes = File.ReadAllBytes(SharedPhotos.Path("misc", file));

        // Ask for the full size so that the decoded size is the upright size of the photo.
        var decoded = Decoder.Decode(bytes, file, int.MaxValue, int.MaxValue);

        Assert.Equal((width, height), (decoded.Pixels.Width, decoded.Pixels.Height));
    }

    [SkippableTheory]
    [InlineData("zero_bytes.jpg", "empty")]
    [InlineData("truncated_half_Sony_DSC-HX5V.jpg", "truncated")]
    [InlineData("truncated_in_exif_Olympus_FE230.jpg", "could not be decoded")]
    public void Preprocess_BrokenFileGivesAClearError(string file, string reason)
    {
        var bytes = File.ReadAllBytes(SharedPhotos.Path("misc", "broken", file));

        var error = Assert.Throws<ImageDecodeException>(() => Fast.Preprocess(bytes, file));

        output.WriteLine(error.Message);
        Assert.Contains($"'{file}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(error.TooLarge);
    }

    [SkippableFact]
    public void Preprocess_EveryMiscFileDecodesOrFailsWithAnImageDecodeException()
    {
        var files = Directory.GetFiles(SharedPhotos.Path("misc"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal));
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            try
            {
                var tensor = Fast.Preprocess(File.ReadAllBytes(path), name);
                Assert.All(tensor, v => Assert.InRange(v, -1f, 1f));
                output.WriteLine($"ok      {name}");
            }
            catch (ImageDecodeException ex)
            {
                Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
                output.WriteLine($"refused {ex.Message}");
            }
        }
    }
}
