namespace Gateway.Embeddings.Models;

/// <summary>A supported checkpoint: where its ONNX export lives and which files it has.</summary>
/// <param name="Id">The model id used in configuration and commands, e.g. <c>google/siglip2-base-patch16-224</c>.</param>
/// <param name="Repo">The Hugging Face repository holding the ONNX export.</param>
/// <param name="Revision">Branch, tag or commit (default <c>main</c>).</param>
/// <param name="ImageSize">Input size, for display only: the gateway reads it from the model's own files.</param>
/// <param name="Dimensions">Vector dimensions, for display only: the gateway reads them from the model.</param>
/// <param name="ApproxDownload">Rough download size, for display.</param>
/// <param name="Notes">Anything a user should know before choosing it.</param>
/// <param name="Files">The files of every variant.</param>
public sealed record ModelEntry(
    string Id,
    string Repo,
    string? Revision,
    int ImageSize,
    int Dimensions,
    string? ApproxDownload,
    string? Notes,
    IReadOnlyList<ModelFileEntry> Files)
{
    /// <summary>Variants of the ONNX towers this checkpoint offers (fp32 first).</summary>
    public IReadOnlyList<string> Variants => Files.Where(f => f.Variant is not null).Select(f => f.Variant!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The files needed to run one variant: config, preprocessor config, tokenizer and both towers.</summary>
    public IReadOnlyList<ModelFileEntry> FilesFor(string variant)
    {
        var selected = Files.Where(f => f.Variant is null || f.Variant == variant).ToList();
        if (!selected.Any(f => f.Variant == variant))
        {
            throw new ArgumentException($"model {Id} has no variant '{variant}'; it has: {string.Join(", ", Variants)}", nameof(variant));
        }
        return selected;
    }

    /// <summary>The files needed for the given tower paths (as configured in <c>Embeddings:VisionModelFile</c>/<c>TextModelFile</c>).</summary>
    public IReadOnlyList<ModelFileEntry> FilesFor(string visionPath, string textPath) =>
        Files.Where(f => f.Variant is null || f.Path == visionPath || f.Path == textPath).ToList();
}
