using System.ComponentModel.DataAnnotations;

namespace Gateway.Embeddings.Images;

/// <summary>Limits and fast paths for decoding uploaded and ingested images (section <c>Embeddings:Images</c>).</summary>
public sealed class ImageDecodeOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Embeddings:Images";

    /// <summary>Largest encoded file accepted, in bytes; larger files fail with a 413 (default 64 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest decoded size in pixels (width × height), checked from the header before decoding,
    /// so that a decompression bomb is refused without allocating it (default 200 megapixels).</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 200_000_000;

    /// <summary>Largest picture decoded at its full size, in pixels (default 64 megapixels, 256 MB as RGBA): JPEGs decode
    /// DCT-scaled and large PNGs shrink while they decode, but GIF, WebP, BMP and interlaced PNG can only be decoded whole,
    /// so beyond this they are refused (413) rather than allowed to take gigabytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFullDecodePixels { get; set; } = 64_000_000;

    /// <summary>How long one decode may take before the caller gets an error (default 15 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Decode no more than needed: DCT-scaled JPEG decoding and the embedded HEIF thumbnail when it is
    /// at least the model size. Off means a full-resolution decode followed by the resize (the reference path).</summary>
    public bool FastPaths { get; set; } = true;

    /// <summary>With <see cref="FastPaths"/>: decode large JPEGs whose restart markers allow it in strips on all cores
    /// (default off). It costs about the same CPU as the single-core decode and can only shorten one decode on an
    /// otherwise idle machine; on a busy machine the second strip waits for a core and it was slower, so it is opt-in.</summary>
    public bool ParallelJpeg { get; set; }

    /// <summary>Most decodes running at once across every decoder built from this options instance (thumbnails, previews
    /// and the model's preprocessor share one limit); the rest wait, so that memory stays bounded under a burst of
    /// large images (default half the cores, at least 1). Read once, at the first decode.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentDecodes { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    private DecodeGate? _gate;

    /// <summary>The limit shared by every decoder built from this instance.</summary>
    internal DecodeGate Gate => LazyInitializer.EnsureInitialized(ref _gate, () => new DecodeGate(MaxConcurrentDecodes));
}
