using System.Diagnostics;
using System.Text.Json;
using Gateway.TestModels;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>A model folder of random-weight full-size towers, laid out as the gateway loads it.</summary>
internal static class BenchModelFolder
{
    /// <summary>Writes both towers of <paramref name="variant"/> (<c>fp32</c> or <c>int8</c>) unless present; returns (vision, text) paths.</summary>
    public static (string Vision, string Text) Towers(string directory, SiglipArchitecture arch, string variant)
    {
        Directory.CreateDirectory(Path.Combine(directory, "onnx"));
        var quantized = variant != "fp32";
        var vision = Path.Combine(directory, Service.EmbeddingOptions.TowerFile("vision", variant));
        var text = Path.Combine(directory, Service.EmbeddingOptions.TowerFile("text", variant));
        Generate(vision, p => SiglipModelGenerator.WriteVision(arch, p, quantized));
        Generate(text, p => SiglipModelGenerator.WriteText(arch, p, quantized));
        return (vision, text);
    }

    /// <summary>config.json, preprocessor_config.json and a tokenizer, so the folder loads in the service.</summary>
    public static void WriteConfigs(string directory, SiglipArchitecture arch)
    {
        // The towers are random, so any SentencePiece model will do; the small test one keeps the folder complete.
        File.WriteAllBytes(Path.Combine(directory, "tokenizer.model"), TestModelFactory.TokenizerModel());
        File.WriteAllText(Path.Combine(directory, "config.json"), JsonSerializer.Serialize(new
        {
            model_type = "siglip",
            text_config = new { hidden_size = arch.Hidden, max_position_embeddings = arch.SequenceLength, vocab_size = arch.Vocabulary },
            vision_config = new { hidden_size = arch.Hidden, image_size = arch.ImageSize, patch_size = arch.PatchSize },
        }));
        File.WriteAllText(Path.Combine(directory, "preprocessor_config.json"), JsonSerializer.Serialize(new
        {
            do_resize = true,
            do_rescale = true,
            do_normalize = true,
            image_mean = new[] { 0.5, 0.5, 0.5 },
            image_std = new[] { 0.5, 0.5, 0.5 },
            resample = 2,
            rescale_factor = 1 / 255.0,
            size = new { height = arch.ImageSize, width = arch.ImageSize },
        }));
    }

    private static void Generate(string path, Action<string> write)
    {
        if (File.Exists(path))
        {
            return;
        }

        // Written under another name and moved, so an interrupted run never leaves a truncated model behind.
        var started = Stopwatch.GetTimestamp();
        var partial = path + ".partial";
        write(partial);
        File.Move(partial, path, overwrite: true);
        Console.Error.WriteLine($"generated {path} ({new FileInfo(path).Length / 1e6:F0} MB) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
    }
}
