using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace Gateway.Embeddings.Models;

/// <summary>
/// Checks a checkpoint's own files against what the gateway feeds it: <c>config.json</c> (fixed-resolution SigLIP,
/// 64 text positions, one vector space), <c>preprocessor_config.json</c> (squash-resize with bilinear filtering,
/// rescale 1/255, mean and std 0.5) and the ONNX towers' inputs and outputs (<c>pixel_values</c> float [N, 3, H, W],
/// <c>input_ids</c> int64 [N, 64], <c>pooler_output</c> [N, D]). Pure functions returning every problem found, so
/// that a mismatch fails loudly with what was expected and what was found.
/// </summary>
public static class ModelConfigValidator
{
    /// <summary>Tokens per text, as SigLIP-2's text tower is trained.</summary>
    public const int SequenceLength = 64;

    /// <summary>Checks the two JSON configs; returns the problems (empty when the model fits).</summary>
    public static IReadOnlyList<ModelConfigProblem> CheckConfigs(string configJson, string preprocessorJson)
    {
        using var configDoc = JsonDocument.Parse(configJson);
        using var preprocessorDoc = JsonDocument.Parse(preprocessorJson);
        var problems = new List<ModelConfigProblem>();
        var config = configDoc.RootElement;
        var vision = Section(config, "vision_config");
        var text = Section(config, "text_config");
        void Add(string file, string key, object expected, object? found) => problems.Add(new ModelConfigProblem(file, key, Show(expected), Show(found)));

        if (Str(config, "model_type") is { } modelType && modelType != "siglip")
        {
            Add("config.json", "model_type", "siglip (a fixed-resolution checkpoint; NaFlex 'siglip2' checkpoints take patches, not images)", modelType);
        }
        var imageSize = Int(vision, "image_size") ?? 224;
        var patch = Int(vision, "patch_size") ?? 16;
        if (patch <= 0 || imageSize % patch != 0)
        {
            Add("config.json", "vision_config.patch_size", $"a divisor of image_size {imageSize}", patch);
        }
        var positions = Int(text, "max_position_embeddings") ?? SequenceLength;
        if (positions != SequenceLength)
        {
            Add("config.json", "text_config.max_position_embeddings", SequenceLength, positions);
        }
        if (Int(text, "vocab_size") is { } vocab && vocab <= 0)
        {
            Add("config.json", "text_config.vocab_size", "a positive number", vocab);
        }
        var visionDims = Int(vision, "hidden_size") ?? 768;
        var textDims = Int(text, "projection_size") ?? Int(text, "hidden_size") ?? 768;
        if (visionDims != textDims)
        {
            Add("config.json", "text_config.projection_size", $"{visionDims} (vision_config.hidden_size: both towers share one space)", textDims);
        }

        var p = preprocessorDoc.RootElement;
        const string pre = "preprocessor_config.json";
        if (Bool(p, "do_resize") == false)
        {
            Add(pre, "do_resize", true, false);
        }
        if (Bool(p, "do_center_crop") == true)
        {
            Add(pre, "do_center_crop", "false (images are squashed, not cropped)", true);
        }
        if (p.TryGetProperty("size", out var size))
        {
            var (h, w) = (Int(size, "height"), Int(size, "width"));
            if (h != imageSize || w != imageSize)
            {
                Add(pre, "size", $"{{\"height\": {imageSize}, \"width\": {imageSize}}} (config.json vision_config.image_size)", size.GetRawText());
            }
        }
        if (Int(p, "resample") is { } resample && resample != 2)
        {
            Add(pre, "resample", "2 (bilinear)", resample);
        }
        if (Bool(p, "do_rescale") == false)
        {
            Add(pre, "do_rescale", true, false);
        }
        if (Num(p, "rescale_factor") is { } rescale && Math.Abs(rescale - (1 / 255.0)) > 1e-6)
        {
            Add(pre, "rescale_factor", "1/255 = 0.00392156862745098", rescale);
        }
        if (Bool(p, "do_normalize") == false)
        {
            Add(pre, "do_normalize", true, false);
        }
        foreach (var key in new[] { "image_mean", "image_std" })
        {
            if (p.TryGetProperty(key, out var values)
                && (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != 3 || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number || Math.Abs(v.GetDouble() - 0.5) > 1e-6)))
            {
                Add(pre, key, "[0.5, 0.5, 0.5]", values.GetRawText());
            }
        }
        return problems;
    }

    /// <summary>Checks the vision tower: <c>pixel_values</c> float [N, 3, H, W] in, <c>pooler_output</c> [N, D] out.</summary>
    internal static IReadOnlyList<ModelConfigProblem> CheckVision(string file, IReadOnlyList<OnnxTensorInfo> inputs, IReadOnlyList<OnnxTensorInfo> outputs, int imageSize)
    {
        var problems = new List<ModelConfigProblem>();
        var expected = $"float [N, 3, {imageSize}, {imageSize}]";
        CheckInput(file, inputs, "pixel_values", typeof(float), expected, d => d.Count == 4 && d[1] == 3 && Fits(d[2], imageSize) && Fits(d[3], imageSize), problems);
        CheckOutput(file, outputs, problems);
        return problems;
    }

    /// <summary>Checks the text tower: <c>input_ids</c> int64 [N, 64] in (no attention mask), <c>pooler_output</c> [N, D] out.</summary>
    internal static IReadOnlyList<ModelConfigProblem> CheckText(string file, IReadOnlyList<OnnxTensorInfo> inputs, IReadOnlyList<OnnxTensorInfo> outputs)
    {
        var problems = new List<ModelConfigProblem>();
        CheckInput(file, inputs, "input_ids", typeof(long), $"int64 [N, {SequenceLength}]", d => d.Count == 2 && Fits(d[1], SequenceLength), problems);
        CheckOutput(file, outputs, problems);
        return problems;
    }

    /// <summary>Reads a model folder and opens both towers (which takes a few seconds for real checkpoints) to check everything.</summary>
    public static IReadOnlyList<ModelConfigProblem> ValidateDirectory(string directory, string visionPath = "onnx/vision_model.onnx", string textPath = "onnx/text_model.onnx")
    {
        var problems = CheckConfigs(File.ReadAllText(Path.Combine(directory, "config.json")), File.ReadAllText(Path.Combine(directory, "preprocessor_config.json"))).ToList();
        using var configDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "config.json")));
        var imageSize = Int(Section(configDoc.RootElement, "vision_config"), "image_size") ?? 224;
        using var vision = new InferenceSession(Path.Combine(directory, visionPath));
        using var text = new InferenceSession(Path.Combine(directory, textPath));
        var visionOut = OnnxTensorInfo.From(vision.OutputMetadata);
        var textOut = OnnxTensorInfo.From(text.OutputMetadata);
        problems.AddRange(CheckVision(visionPath, OnnxTensorInfo.From(vision.InputMetadata), visionOut, imageSize));
        problems.AddRange(CheckText(textPath, OnnxTensorInfo.From(text.InputMetadata), textOut));
        var (vd, td) = (Pooled(visionOut), Pooled(textOut));
        if (vd > 0 && td > 0 && vd != td)
        {
            problems.Add(new ModelConfigProblem(textPath, "pooler_output", $"[N, {vd}] like {visionPath} (one space for text and images)", $"[N, {td}]"));
        }
        return problems;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> listing every problem, if there are any.</summary>
    public static void ThrowIfAny(IReadOnlyList<ModelConfigProblem> problems, string directory)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"the model in {directory} does not match what the gateway feeds it:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    private static void CheckInput(string file, IReadOnlyList<OnnxTensorInfo> inputs, string name, Type type, string expected, Func<IReadOnlyList<long>, bool> shapeOk, List<ModelConfigProblem> problems)
    {
        var input = inputs.FirstOrDefault(i => i.Name == name);
        if (input is null)
        {
            problems.Add(new ModelConfigProblem(file, "input " + name, expected, "inputs " + string.Join(", ", inputs.Select(i => i.Name + " " + i.Shape))));
        }
        else if (input.ElementType != type || !shapeOk(input.Dimensions))
        {
            problems.Add(new ModelConfigProblem(file, "input " + name, expected, $"{TypeName(input.ElementType)} {input.Shape}"));
        }
        foreach (var extra in inputs.Where(i => i.Name != name))
        {
            problems.Add(new ModelConfigProblem(file, "input " + extra.Name, $"only {name} (the gateway feeds nothing else)", $"{TypeName(extra.ElementType)} {extra.Shape}"));
        }
    }

    private static void CheckOutput(string file, IReadOnlyList<OnnxTensorInfo> outputs, List<ModelConfigProblem> problems)
    {
        var output = outputs.FirstOrDefault(o => o.Name == "pooler_output");
        if (output is null || output.ElementType != typeof(float) || output.Dimensions.Count != 2)
        {
            var found = output is null ? "outputs " + string.Join(", ", outputs.Select(o => o.Name + " " + o.Shape)) : $"{TypeName(output.ElementType)} {output.Shape}";
            problems.Add(new ModelConfigProblem(file, "output pooler_output", "float [N, D]", found));
        }
    }

    private static long Pooled(IReadOnlyList<OnnxTensorInfo> outputs) =>
        outputs.FirstOrDefault(o => o.Name == "pooler_output") is { Dimensions.Count: 2 } o ? o.Dimensions[1] : -1;

    private static bool Fits(long dim, int expected) => dim < 0 || dim == expected;

    private static string TypeName(Type t) => t == typeof(long) ? "int64" : t == typeof(float) ? "float" : t.Name;

    private static JsonElement Section(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.Object ? s : default;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "nothing",
    };
}
