using System.Text.Json;
using Gateway.Embeddings.Images;

namespace Gateway.Embeddings.Service;

/// <summary>
/// What the model's own config files say about its inputs. Missing keys take the transformers defaults
/// (SiglipTextConfig: max_position_embeddings 64, vocab_size 32000 — SigLIP-2 checkpoints state 256000;
/// SiglipVisionConfig: image_size 224), so that a config written with defaults omitted reads the same.
/// </summary>
internal sealed record SiglipModelConfig(int SequenceLength, int VocabularySize, ImageInputSpec Image)
{
    public static SiglipModelConfig Read(SiglipModelFiles files)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(files.Config));
        using var preprocessor = JsonDocument.Parse(File.ReadAllText(files.Preprocessor));
        var text = Section(config.RootElement, "text_config");
        var vision = Section(config.RootElement, "vision_config");
        var sequenceLength = Int(text, "max_position_embeddings", 64);
        var vocabularySize = Int(text, "vocab_size", 32000);
        var imageSize = Int(vision, "image_size", 224);

        var p = preprocessor.RootElement;
        var (width, height) = (imageSize, imageSize);
        if (p.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Object)
        {
            width = Int(size, "width", imageSize);
            height = Int(size, "height", imageSize);
        }

        if (p.TryGetProperty("resample", out var resample) && resample.ValueKind == JsonValueKind.Number && resample.GetInt32() != 2)
        {
            throw new InvalidDataException($"{files.Preprocessor}: resample is {resample.GetInt32()}, only 2 (bilinear) is supported");
        }

        var spec = new ImageInputSpec(
            width,
            height,
            Floats(p, "image_mean", 0.5f),
            Floats(p, "image_std", 0.5f),
            p.TryGetProperty("rescale_factor", out var rescale) ? rescale.GetSingle() : 1f / 255f);
        return new SiglipModelConfig(sequenceLength, vocabularySize, spec);
    }

    private static JsonElement Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object ? section : default;

    private static int Int(JsonElement element, string name, int fallback) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : fallback;

    private static float[] Floats(JsonElement element, string name, float fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetSingle())]
            : [fallback, fallback, fallback];
}
