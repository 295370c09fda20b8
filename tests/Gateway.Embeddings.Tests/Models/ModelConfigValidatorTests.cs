using System.Text.Json.Nodes;
using Gateway.Embeddings.Models;

namespace Gateway.Embeddings.Tests.Models;

public sealed class ModelConfigValidatorTests
{
    // The real google/siglip2-base-patch16-224 files (abridged to the keys that matter).
    private const string Config = """
        {"architectures": ["SiglipModel"], "model_type": "siglip",
         "text_config": {"hidden_size": 768, "max_position_embeddings": 64, "model_type": "siglip_text_model", "projection_size": 768, "vocab_size": 256000},
         "vision_config": {"hidden_size": 768, "image_size": 224, "model_type": "siglip_vision_model", "patch_size": 16}}
        """;

    private const string Preprocessor = """
        {"do_normalize": true, "do_rescale": true, "do_resize": true, "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5],
         "resample": 2, "rescale_factor": 0.00392156862745098, "size": {"height": 224, "width": 224}}
        """;

    [Fact]
    public void CheckConfigs_AcceptsTheSiglip2BaseConfigs()
    {
        Assert.Empty(ModelConfigValidator.CheckConfigs(Config, Preprocessor));
    }

    [Theory]
    [InlineData("config", "model_type", "\"siglip2\"", "config.json: model_type: expected siglip (a fixed-resolution checkpoint")]
    [InlineData("config", "text_config.max_position_embeddings", "32", "config.json: text_config.max_position_embeddings: expected 64, found 32")]
    [InlineData("config", "text_config.projection_size", "1024", "config.json: text_config.projection_size: expected 768 (vision_config.hidden_size")]
    [InlineData("config", "vision_config.image_size", "256", "preprocessor_config.json: size: expected {\"height\": 256, \"width\": 256}")]
    [InlineData("config", "vision_config.patch_size", "15", "config.json: vision_config.patch_size: expected a divisor of image_size 224, found 15")]
    [InlineData("preprocessor", "resample", "3", "preprocessor_config.json: resample: expected 2 (bilinear), found 3")]
    [InlineData("preprocessor", "do_resize", "false", "preprocessor_config.json: do_resize: expected true, found false")]
    [InlineData("preprocessor", "rescale_factor", "1", "preprocessor_config.json: rescale_factor: expected 1/255")]
    [InlineData("preprocessor", "image_mean", "[0.485, 0.456, 0.406]", "preprocessor_config.json: image_mean: expected [0.5, 0.5, 0.5], found [0.485,0.456,0.406]")]
    [InlineData("preprocessor", "do_center_crop", "true", "preprocessor_config.json: do_center_crop: expected false (images are squashed, not cropped), found true")]
    [InlineData("preprocessor", "size", "{\"shortest_edge\": 224}", "preprocessor_config.json: size: expected {\"height\": 224, \"width\": 224}")]
    public void CheckConfigs_SaysWhatWasExpectedAndWhatWasFound(string file, string key, string json, string message)
    {
        var (config, preprocessor) = (JsonNode.Parse(Config)!, JsonNode.Parse(Preprocessor)!);
        var target = file == "config" ? config : preprocessor;
        var parts = key.Split('.');
        (parts.Length == 1 ? target : target[parts[0]]!)[parts[^1]] = JsonNode.Parse(json);

        var problems = ModelConfigValidator.CheckConfigs(config.ToJsonString(), preprocessor.ToJsonString());

        Assert.Contains(problems, p => p.ToString().StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckVision_AcceptsTheExportShapes()
    {
        var inputs = new[] { new OnnxTensorInfo("pixel_values", typeof(float), [-1, 3, 224, 224]) };
        var outputs = new[] { new OnnxTensorInfo("last_hidden_state", typeof(float), [-1, 196, 768]), new OnnxTensorInfo("pooler_output", typeof(float), [-1, 768]) };

        Assert.Empty(ModelConfigValidator.CheckVision("onnx/vision_model.onnx", inputs, outputs, 224));
    }

    [Theory]
    [InlineData("pixel_values", new long[] { -1, 3, 256, 256 }, "onnx/vision_model.onnx: input pixel_values: expected float [N, 3, 224, 224], found float [N, 3, 256, 256]")]
    [InlineData("pixel_values", new long[] { -1, 224, 224, 3 }, "onnx/vision_model.onnx: input pixel_values: expected float [N, 3, 224, 224], found float [N, 224, 224, 3]")]
    [InlineData("images", new long[] { -1, 3, 224, 224 }, "onnx/vision_model.onnx: input pixel_values: expected float [N, 3, 224, 224], found inputs images [N, 3, 224, 224]")]
    public void CheckVision_RejectsOtherInputs(string name, long[] dims, string message)
    {
        var problems = ModelConfigValidator.CheckVision("onnx/vision_model.onnx", [new OnnxTensorInfo(name, typeof(float), dims)], [new OnnxTensorInfo("pooler_output", typeof(float), [-1, 768])], 224);

        Assert.Equal(message, problems[0].ToString());
    }

    [Fact]
    public void CheckText_RejectsInt32IdsAnAttentionMaskAndAMissingPoolerOutput()
    {
        var inputs = new[] { new OnnxTensorInfo("input_ids", typeof(int), [-1, 64]), new OnnxTensorInfo("attention_mask", typeof(long), [-1, 64]) };
        var outputs = new[] { new OnnxTensorInfo("text_embeds", typeof(float), [-1, 768]) };

        var problems = ModelConfigValidator.CheckText("onnx/text_model.onnx", inputs, outputs).Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "onnx/text_model.onnx: input input_ids: expected int64 [N, 64], found Int32 [N, 64]",
                "onnx/text_model.onnx: input attention_mask: expected only input_ids (the gateway feeds nothing else), found int64 [N, 64]",
                "onnx/text_model.onnx: output pooler_output: expected float [N, D], found outputs text_embeds [N, 768]",
            ],
            problems);
    }

    [Fact]
    public void ThrowIfAny_ListsEveryProblem()
    {
        var problems = new[] { new ModelConfigProblem("a", "b", "c", "d"), new ModelConfigProblem("e", "f", "g", "h") };

        var error = Assert.Throws<InvalidDataException>(() => ModelConfigValidator.ThrowIfAny(problems, "/models/x"));

        Assert.Contains("a: b: expected c, found d", error.Message, StringComparison.Ordinal);
        Assert.Contains("e: f: expected g, found h", error.Message, StringComparison.Ordinal);
    }
}
