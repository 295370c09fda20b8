using System.Runtime.InteropServices;
using SkiaSharp;

namespace Gateway.Embeddings.Images;

/// <summary>
/// Decodes an <see cref="SKCodec"/>'s pixels a piece at a time, checking a cancellation token between pieces, so that a
/// decode whose caller has given up (the timeout) stops within one piece instead of running to the end in native code
/// on a thread nobody waits for. JPEG and BMP go through Skia's scanline decoder, <see cref="BandRows"/> rows at a
/// time; PNG and GIF through its incremental decoder, fed a little more input each time through a
/// <see cref="MeteredStream"/>. WebP has neither in Skia and decodes in one call, which cannot be stopped once
/// started (its cost is bounded by MaxFileBytes and MaxPixels like everything else).
/// </summary>
internal static class SkiaBandDecoder
{
    /// <summary>Output rows per scanline band: a few milliseconds of work even for a full-size 12 MP JPEG.</summary>
    public const int BandRows = 16;

    /// <summary>Encoded bytes added by the first incremental step; later steps adapt so that each adds about
    /// <see cref="SliceRows"/> rows, since a well-compressed PNG packs thousands of rows into a few kilobytes.</summary>
    public const int FirstSliceBytes = 4 * 1024;

    private const int SliceRows = 64;

    /// <summary>Decodes <paramref name="target"/> (Skia scales JPEGs to its size) into <paramref name="pixels"/> at
    /// <paramref name="offset"/>. With <paramref name="metered"/> (the stream <paramref name="codec"/> reads) the
    /// incremental decoder is used; <paramref name="onRows"/> hears how many rows each piece added.</summary>
    public static SKCodecResult Decode(SKCodec codec, SKImageInfo target, byte[] pixels, int offset, CancellationToken cancellationToken,
        Action<int>? onRows, MeteredStream? metered = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            var address = handle.AddrOfPinnedObject() + offset;
            // No colour-space conversion (target has no colour space), as PIL does not convert either.
            if (metered is not null)
            {
                // Codec creation read the header; from here on, input arrives a slice at a time.
                metered.Limit = metered.Position;
            }
            if (metered is not null && codec.StartIncrementalDecode(target, address, target.RowBytes) == SKCodecResult.Success)
            {
                return Incremental(codec, target.Height, metered, cancellationToken, onRows);
            }
            if (codec.StartScanlineDecode(target) == SKCodecResult.Success && codec.ScanlineOrder == SKCodecScanlineOrder.TopDown)
            {
                return Scanlines(codec, target, address, cancellationToken, onRows);
            }
            if (metered is not null)
            {
                metered.Limit = metered.Length;
            }
            // Frame 0 for GIF and animated WebP.
            var whole = codec.GetPixels(target, address);
            onRows?.Invoke(target.Height);
            return whole;
        }
        finally
        {
            handle.Free();
        }
    }

    private static SKCodecResult Scanlines(SKCodec codec, SKImageInfo target, IntPtr address, CancellationToken cancellationToken, Action<int>? onRows)
    {
        for (var row = 0; row < target.Height; row += BandRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BandRows, target.Height - row);
            var decoded = codec.GetScanlines(address + (row * target.RowBytes), count, target.RowBytes);
            onRows?.Invoke(decoded);
            if (decoded < count)
            {
                // The scanline decoder only says "fewer rows"; the one-call decode says why (truncated or corrupt).
                // Only broken files pay for this second pass.
                cancellationToken.ThrowIfCancellationRequested();
                var verdict = codec.GetPixels(target, address);
                return verdict == SKCodecResult.Success ? SKCodecResult.IncompleteInput : verdict;
            }
        }
        return SKCodecResult.Success;
    }

    private static SKCodecResult Incremental(SKCodec codec, int height, MeteredStream metered, CancellationToken cancellationToken, Action<int>? onRows)
    {
        var reported = 0;
        var slice = FirstSliceBytes;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = metered.Limit >= metered.Length;
            metered.Limit = Math.Min(metered.Length, Math.Max(metered.Limit, metered.Position) + slice);
            var result = codec.IncrementalDecode(out var rows);
            if (result == SKCodecResult.IncompleteInput && rows > reported)
            {
                onRows?.Invoke(rows - reported);
                slice = rows - reported > 4 * SliceRows ? Math.Max(1024, slice / 2) : rows - reported < SliceRows ? Math.Min(1 << 20, slice * 2) : slice;
                reported = rows;
            }
            else if (result == SKCodecResult.IncompleteInput)
            {
                slice = Math.Min(1 << 20, slice * 2);
            }
            if (result != SKCodecResult.IncompleteInput || last)
            {
                if (result == SKCodecResult.Success && onRows is not null && height > reported)
                {
                    onRows(height - reported);
                }
                return result;
            }
        }
    }
}
