using Gateway.Embeddings.Images;
using SkiaSharp;

namespace Gateway.Embeddings.Tests.Images;

/// <summary>Decoders built from one options instance share <see cref="ImageDecodeOptions.MaxConcurrentDecodes"/>.</summary>
public sealed class DecodeGateTests
{
    [Fact]
    public void Decode_NeverRunsMoreThanTheLimitAtOnceAcrossDecoders()
    {
        var png = SyntheticImages.Encode(600, 400, SKEncodedImageFormat.Png);
        var options = new ImageDecodeOptions { MaxConcurrentDecodes = 2, FastPaths = false };
        using var crowded = new ManualResetEventSlim();
        // Two decoders (as the thumbnailer and the preprocessor have), one options instance. Each decode holds on at its
        // first rows until a third decode is inside too, which without the limit happens at once; with it, never, and
        // the hold ends after a moment (that only bounds the test's duration; nothing is asserted about time).
        var decoders = new[] { new ImageDecoder(options), new ImageDecoder(options) };
        foreach (var decoder in decoders)
        {
            decoder.RowsDecoded = _ =>
            {
                if (options.Gate.InFlight > 2)
                {
                    crowded.Set();
                }
                crowded.Wait(TimeSpan.FromMilliseconds(100));
            };
        }
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() => decoders[i % 2].Decode(png, "p.png", 224, 224))).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.InRange(options.Gate.MaxInFlight, 1, 2);
        Assert.False(crowded.IsSet);
    }

    [Fact]
    public void Decode_WaitingForASlotStopsWhenCancelled()
    {
        var options = new ImageDecodeOptions { MaxConcurrentDecodes = 1 };
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        using (options.Gate.Enter(CancellationToken.None))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => new ImageDecoder(options).Decode([1, 2, 3], "x", 1, 1, cts.Token));
        }
    }
}
