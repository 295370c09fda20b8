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

    /// <summary>Vision model path relative to <see cref="ModelDirectory"/> (e.g. <c>onnx/vision_model_quantized.onnx</c>).</summary>
    [Required]
    public string VisionModelFile { get; set; } = "onnx/vision_model.onnx";

    /// <summary>Text model path relative to <see cref="ModelDirectory"/>.</summary>
    [Required]
    public string TextModelFile { get; set; } = "onnx/text_model.onnx";

    /// <summary>ONNX Runtime intra-op threads per session; 0 uses every core.</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>Most requests run together in one batch.</summary>
    [Range(1, 512)]
    public int MaxBatch { get; set; } = 32;

    /// <summary>Requests allowed to wait; one more gets <see cref="EmbeddingQueueFullException"/> (HTTP 429).</summary>
    [Range(1, 1_000_000)]
    public int QueueLimit { get; set; } = 256;

    /// <summary>How long the batcher waits for more requests after the first one arrives, in milliseconds.</summary>
    [Range(0, 1000)]
    public int BatchWindowMs { get; set; } = 3;

    /// <summary>Text query vectors kept in the LRU cache; 0 turns the cache off.</summary>
    [Range(0, 10_000_000)]
    public int TextCacheSize { get; set; } = 2048;

    /// <summary>The Retry-After given with a full queue, in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The model folder, resolved against the current directory.</summary>
    public string ResolveModelDirectory() => Path.GetFullPath(ModelDirectory ?? Path.Combine("models", ModelId));
}
