using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Gateway.TestModels;

/// <summary>
/// Writes a complete, tiny SigLIP-2-shaped model folder (same file names, input and output names as the
/// Hugging Face ONNX exports) whose vectors carry meaning: the vision model maps an image's mean colour to
/// the direction of the nearest <see cref="TestColor"/>, and the text model maps the colour words to the same
/// directions, so "red" retrieves the red image.
/// </summary>
public static class TestModelFactory
{
    /// <summary>Sequence length of the text model, as in SigLIP-2.</summary>
    public const int SequenceLength = 64;

    /// <summary>Relative path of the vision model inside the folder.</summary>
    public const string VisionModelPath = "onnx/vision_model.onnx";

    /// <summary>Relative path of the text model inside the folder.</summary>
    public const string TextModelPath = "onnx/text_model.onnx";

    /// <summary>Writes onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer.model, config.json and
    /// preprocessor_config.json into <paramref name="directory"/> and describes what it wrote. With
    /// <paramref name="textAttentionMask"/> the text model also declares an (unused) <c>attention_mask</c> input, as some exports do.
    /// With <paramref name="slowTextMatMuls"/> &gt; 0 every text inference also runs that many 512×512 matrix products
    /// (same vectors, only slower), so tests can keep requests queued. Each of <paramref name="variants"/> (e.g. <c>int8</c>)
    /// gets both towers again under its export's name (<c>onnx/vision_model_int8.onnx</c>; the same graphs, so the same vectors).</summary>
    public static TestModel WriteTo(string directory, int dimensions = 32, int imageSize = 64, bool textAttentionMask = false, int slowTextMatMuls = 0, params string[] variants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, TestColor.All.Count);
        Directory.CreateDirectory(directory);
        var tokenizerBytes = TokenizerModel();
        File.WriteAllBytes(Path.Combine(directory, "tokenizer.model"), tokenizerBytes);

        var directions = ColorDirections(dimensions);
        using var stream = new MemoryStream(tokenizerBytes);
        var vocabulary = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false).Vocabulary;
        var vocabularySize = vocabulary.Values.Max() + 1;

        ColorModels.Vision(directions, imageSize).Save(Path.Combine(directory, VisionModelPath));
        ColorModels.Text(directions, vocabulary, vocabularySize, textAttentionMask, slowTextMatMuls).Save(Path.Combine(directory, TextModelPath));
        foreach (var variant in variants ?? [])
        {
            File.Copy(Path.Combine(directory, VisionModelPath), Path.Combine(directory, $"onnx/vision_model_{variant}.onnx"), overwrite: true);
            File.Copy(Path.Combine(directory, TextModelPath), Path.Combine(directory, $"onnx/text_model_{variant}.onnx"), overwrite: true);
        }

        WriteJson(Path.Combine(directory, "config.json"), Config(dimensions, imageSize, vocabularySize));
        WriteJson(Path.Combine(directory, "preprocessor_config.json"), Preprocessor(imageSize));
        return new TestModel(directory, dimensions, imageSize, SequenceLength, vocabularySize);
    }

    /// <summary>The committed small SentencePiece model (see Assets/make-tokenizer.sh).</summary>
    public static byte[] TokenizerModel()
    {
        using var resource = typeof(TestModelFactory).Assembly.GetManifestResourceStream("Gateway.TestModels.tokenizer.model")
            ?? throw new InvalidOperationException("tokenizer.model resource missing");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    // One orthonormal direction per colour (seeded Gram-Schmidt), so colours are maximally apart.
    internal static float[][] ColorDirections(int dimensions)
    {
        var random = new Random(4);
        var directions = new List<float[]>();
        while (directions.Count < TestColor.All.Count)
        {
            var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            foreach (var d in directions)
            {
                var dot = v.Zip(d, (a, b) => a * b).Sum();
                for (var i = 0; i < dimensions; i++)
                {
                    v[i] -= dot * d[i];
                }
            }

            var norm = MathF.Sqrt(v.Sum(x => x * x));
            directions.Add(v.Select(x => x / norm).ToArray());
        }

        return [.. directions];
    }

    private static object Config(int dimensions, int imageSize, int vocabularySize) => new Dictionary<string, object>
    {
        ["architectures"] = new[] { "SiglipModel" },
        ["model_type"] = "siglip",
        ["text_config"] = new Dictionary<string, object>
        {
            ["model_type"] = "siglip_text_model",
            ["hidden_size"] = dimensions,
            ["projection_size"] = dimensions,
            ["max_position_embeddings"] = SequenceLength,
            ["vocab_size"] = vocabularySize,
        },
        ["vision_config"] = new Dictionary<string, object>
        {
            ["model_type"] = "siglip_vision_model",
            ["hidden_size"] = dimensions,
            ["image_size"] = imageSize,
            ["patch_size"] = 16,
        },
    };

    private static object Preprocessor(int imageSize) => new Dictionary<string, object>
    {
        ["do_normalize"] = true,
        ["do_rescale"] = true,
        ["do_resize"] = true,
        ["image_mean"] = new[] { 0.5, 0.5, 0.5 },
        ["image_std"] = new[] { 0.5, 0.5, 0.5 },
        ["image_processor_type"] = "SiglipImageProcessor",
        ["processor_class"] = "SiglipProcessor",
        ["resample"] = 2,
        ["rescale_factor"] = double.Parse("0.00392156862745098", CultureInfo.InvariantCulture),
        ["size"] = new Dictionary<string, int> { ["height"] = imageSize, ["width"] = imageSize },
    };

    private static void WriteJson(string path, object value) =>
        File.WriteAllText(path, JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));
}
