using System.Runtime.InteropServices;
using Gateway.Embeddings.Images;
using ImageMagick;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace Gateway.Embeddings.Tests.Images;

/// <summary>A cancelled or timed-out decode stops decoding instead of finishing in the background.</summary>
public sealed class DecodeCancellationTests
{
    private static readonly Lazy<byte[]> LargePng = new(() => SyntheticImages.Encode(6000, 4000, SKEncodedImageFormat.Png));
    private static readonly Lazy<byte[]> LargeJpeg = new(() => SyntheticImages.Encode(4000, 3000, SKEncodedImageFormat.Jpeg));

    public static TheoryData<string> Formats() => new("jpeg", "png");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_CancelledDuringTheFirstBandDecodesNoFurther(string format)
    {
        var bytes = format == "png" ? LargePng.Value : LargeJpeg.Value;
        using var cts = new CancellationTokenSource();
        var rows = 0;
        var decoder = new ImageDecoder(new ImageDecodeOptions { FastPaths = false })
        {
            RowsDecoded = n =>
            {
                rows += n;
                cts.Cancel();
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => decoder.Decode(bytes, "big." + format, 224, 224, cts.Token));

        // One piece (16 rows of JPEG, 64 KiB of PNG input), not the 3000-4000 rows of the picture.
        Assert.InRange(rows, 1, format == "png" ? 1000 : SkiaBandDecoder.BandRows);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task PreprocessAsync_TimeoutStopsTheDecoderItself(string format)
    {
        var bytes = format == "png" ? LargePng.Value : LargeJpeg.Value;
        var time = new FakeTimeProvider();
        var pre = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { Timeout = TimeSpan.FromSeconds(15), FastPaths = false }, time);
        long rows = 0;
        // The clock passes the timeout while the first piece of the picture is being decoded.
        pre.Decoder.RowsDecoded = n =>
        {
            if (Interlocked.Add(ref rows, n) == n)
            {
                time.Advance(TimeSpan.FromSeconds(16));
            }
        };

        var error = await Assert.ThrowsAsync<ImageDecodeException>(() => pre.PreprocessAsync(bytes, "slow." + format));

        Assert.Contains("took longer than 15 s", error.Message, StringComparison.Ordinal);
        // Wait until the row counter stops moving: the decoder noticed the timeout at the next piece boundary.
        var settled = await SettledAsync(() => Interlocked.Read(ref rows), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(20));
        Assert.InRange(settled, 1, format == "png" ? 1000 : SkiaBandDecoder.BandRows);
        await Task.Delay(300);
        Assert.Equal(settled, Interlocked.Read(ref rows));
    }

    [Fact]
    public async Task PreprocessAsync_CallerCancellationIsNotReportedAsATimeout()
    {
        var pre = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { FastPaths = false });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pre.PreprocessAsync(LargeJpeg.Value, "big.jpg", cts.Token));
    }

    [Theory]
    [InlineData(MagickFormat.Tiff)]
    public void Decode_MagickFormatsHonourCancellation(MagickFormat format)
    {
        var bytes = SyntheticImages.Solid(64, 48, MagickColors.Teal, format);
        var decoder = new ImageDecoder(new ImageDecodeOptions());
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => decoder.Decode(bytes, "x", 224, 224, cts.Token));
        Assert.Equal((64, 48), (decoder.Decode(bytes, "x", 224, 224).Pixels.Width, decoder.Decode(bytes, "x", 224, 224).Pixels.Height));
    }

    [Theory]
    [InlineData("jpeg", 1.0f)]
    [InlineData("jpeg", 0.125f)]
    [InlineData("jpeg", 0.375f)]
    [InlineData("png", 1.0f)]
    [InlineData("gif", 1.0f)]
    public void BandDecode_IsBitIdenticalToTheOneCallDecode(string format, float scale)
    {
        var bytes = format switch
        {
            "png" => SyntheticImages.Encode(1000, 750, SKEncodedImageFormat.Png),
            "gif" => SyntheticImages.Solid(1000, 750, MagickColors.Teal, MagickFormat.Gif),
            _ => SyntheticImages.Encode(1000, 750, SKEncodedImageFormat.Jpeg),
        };
        var metered = format == "jpeg" ? null : new MeteredStream(bytes);
        using var codec = metered is null ? SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(bytes))) : SKCodec.Create(new SKManagedStream(metered));
        var size = codec.GetScaledDimensions(scale);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var banded = new byte[info.BytesSize];
        var whole = new byte[info.BytesSize];

        var rows = 0;
        Assert.Equal(SKCodecResult.Success, SkiaBandDecoder.Decode(codec, info, banded, 0, CancellationToken.None, n => rows += n, metered));
        Assert.Equal(size.Height, rows);
        var handle = GCHandle.Alloc(whole, GCHandleType.Pinned);
        try
        {
            metered?.Limit = bytes.Length;
            Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, handle.AddrOfPinnedObject()));
        }
        finally
        {
            handle.Free();
        }

        Assert.True(size.Width < 1000 == scale < 1);
        Assert.Equal(whole, banded);
    }

    [Theory]
    [InlineData("jpeg", true)]
    [InlineData("jpeg", false)]
    [InlineData("png", false)]
    [InlineData("gif", false)]
    public void Decode_TruncatedFileIsStillReportedAsTruncated(string format, bool fastPaths)
    {
        // The pieces-at-a-time decoders only see "fewer rows"; the message must still say why.
        var whole = format switch
        {
            "png" => SyntheticImages.Encode(1200, 900, SKEncodedImageFormat.Png),
            "gif" => SyntheticImages.Solid(1200, 900, MagickColors.Teal, MagickFormat.Gif),
            _ => SyntheticImages.Encode(3000, 2000, SKEncodedImageFormat.Jpeg),
        };
        var cut = whole[..(whole.Length * 6 / 10)];
        var decoder = new ImageDecoder(new ImageDecodeOptions { FastPaths = fastPaths });

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode(cut, "cut." + format, 224, 224));

        Assert.Contains("'cut." + format + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    private static async Task<long> SettledAsync(Func<long> read, TimeSpan quiet, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = read();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(quiet);
            var now = read();
            if (now == last)
            {
                return now;
            }
            last = now;
        }
        return last;
    }
}
