using System.ComponentModel.DataAnnotations;

namespace Gateway.Embeddings.Service;

/// <summary>The shared embedding service (section <c>Embeddings</c>).</summary>
public sealed class EmbeddingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Embeddings";

    /// <summary>The model id, e.g. <c>google/siglip2-base-patch16-224</c>; named in status and error messages.</summary>
    [Required]
    public string ModelId { get; set; } = "google/siglip2-base-patch16-224";

    /// <summary>The folder holding the model's files (<c>onnx/vision_model.onnx</c>, <c>onnx/text_model.onnx</c>,
    /// <c>tokenizer.model</c>, <c>config.json</c>, <c>preprocessor_config.json</c>). Default: <c>models/&lt;ModelId&gt;</c>.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Which export of the towers to load: <c>fp32</c> (<c>onnx/vision_model.onnx</c>) or a suffix of the
    /// quantized exports in models/manifest.json (<c>quantized</c>, <c>int8</c>, <c>uint8</c> →
    /// <c>onnx/vision_model_&lt;variant&gt;.onnx</c>). <see cref="VisionModelFile"/>/<see cref="TextModelFile"/> override it per tower.</summary>
    [Required]
    [RegularExpression("^[a-z0-9]+$")]
    public string Variant { get; set; } = "fp32";

    /// <summary>Vision model path relative to <see cref="ModelDirectory"/>; null follows <see cref="Variant"/>.</summary>
    public string? VisionModelFile { get; set; }

    /// <summary>Text model path relative to <see cref="ModelDirectory"/>; null follows <see cref="Variant"/>.</summary>
    public string? TextModelFile { get; set; }

    /// <summary>ONNX Runtime intra-op threads per session; 0 uses every core.</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>Largest batch either tower is set up for (its input buffers); batch sizes above it are not timed.</summary>
    [Range(1, 512)]
    public int MaxBatch { get; set; } = 32;

    /// <summary>Texts per forward of the text tower; 0 times <see cref="BatchCandidates"/> at load and keeps the fastest per item.</summary>
    [Range(0, 512)]
    public int TextBatch { get; set; }

    /// <summary>Images per forward of the vision tower; 0 times <see cref="BatchCandidates"/> at load and keeps the fastest per item
    /// among those whose batch takes at most <see cref="MaxImageBatchMs"/>.</summary>
    [Range(0, 512)]
    public int ImageBatch { get; set; }

    /// <summary>The batch sizes timed at load (each once after a warm-up run, on synthetic input).</summary>
    [MinLength(1)]
    public int[] BatchCandidates { get; set; } = [1, 2, 4, 8];

    /// <summary>Longest an image batch may take when its size is measured: a query waits at most for the batch that is running.</summary>
    [Range(1, 600_000)]
    public int MaxImageBatchMs { get; set; } = 1000;

    /// <summary>How long queries may hold indexing back, in milliseconds: an album's next image waits to be decoded while a
    /// query is queued or running, and queries stop the running indexing batch, each for at most this long; after that
    /// indexing goes on for a batch even while queries wait. 0: a stopped batch is never stopped again and decoding never waits.</summary>
    [Range(0, 600_000)]
    public int MaxIndexingDelayMs { get; set; } = 2000;

    /// <summary>Requests allowed to wait; one more is refused with a Retry-After (HTTP 429).</summary>
    [Range(1, 1_000_000)]
    public int QueueLimit { get; set; } = 256;

    /// <summary>How long an indexing batch waits for more album images after the first one arrives, in milliseconds.
    /// Queries never wait for it: they take what is queued when the tower is free.</summary>
    [Range(0, 1000)]
    public int BatchWindowMs { get; set; } = 3;

    /// <summary>Text query vectors kept in the LRU cache; 0 turns the cache off.</summary>
    [Range(0, 10_000_000)]
    public int TextCacheSize { get; set; } = 2048;

    /// <summary>The Retry-After given with a full queue, in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The vision tower's path relative to the model folder.</summary>
    public string EffectiveVisionModelFile => VisionModelFile ?? TowerFile("vision", Variant);

    /// <summary>The text tower's path relative to the model folder.</summary>
    public string EffectiveTextModelFile => TextModelFile ?? TowerFile("text", Variant);

    /// <summary>The path of one tower's export, as onnx-community names them (<c>onnx/text_model_int8.onnx</c>).</summary>
    public static string TowerFile(string tower, string variant) =>
        variant == "fp32" ? $"onnx/{tower}_model.onnx" : $"onnx/{tower}_model_{variant}.onnx";

    /// <summary>A copy that loads both towers' <paramref name="variant"/> export (per-tower file settings dropped).</summary>
    internal EmbeddingOptions WithVariant(string variant)
    {
        var copy = (EmbeddingOptions)MemberwiseClone();
        copy.Variant = variant;
        copy.VisionModelFile = null;
        copy.TextModelFile = null;
        return copy;
    }

    /// <summary>The model folder, resolved against the current directory.</summary>
    public string ResolveModelDirectory() => Path.GetFullPath(ModelDirectory ?? Path.Combine("models", ModelId));
}
