using Gateway.Embeddings.Models;
using Gateway.TestModels;

namespace Gateway.Embeddings.Tests.Models;

public sealed class ModelDoctorTests(TestModelFixture fixture) : IClassFixture<TestModelFixture>
{
    private static readonly DoctorProbe RedProbe = new(TestImages.SolidJpeg(TestColor.Named("red")), "red.jpg", "a photo of red", "a photo of green", 0.0, 1.0);

    [Fact]
    public void HealthyModelPassesEveryStep()
    {
        var findings = ModelDoctor.Examine(fixture.Model.Directory, "onnx/vision_model.onnx", "onnx/text_model.onnx", RedProbe);

        Assert.Equal(["files", "load and shapes", "tokenizer round trip", "text forward", "image forward", "known pair"], findings.Select(f => f.Step));
        Assert.All(findings, f => Assert.True(f.Ok, f.ToString()));
        Assert.Contains("'a photo of red' -> ", findings[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsNamedAndNothingElseRuns()
    {
        using var copy = new TempDirectory();
        TestModelFactory.WriteTo(copy.Path);
        File.Delete(Path.Combine(copy.Path, "tokenizer.model"));

        var findings = ModelDoctor.Examine(copy.Path, "onnx/vision_model.onnx", "onnx/text_model.onnx", RedProbe);

        var only = Assert.Single(findings);
        Assert.False(only.Ok);
        Assert.Contains("tokenizer.model", only.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigThatDisagreesWithTheTowerFailsAtLoadSayingWhy()
    {
        using var copy = new TempDirectory();
        TestModelFactory.WriteTo(copy.Path);
        var config = Path.Combine(copy.Path, "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"max_position_embeddings\": 64", "\"max_position_embeddings\": 32", StringComparison.Ordinal));

        var findings = ModelDoctor.Examine(copy.Path, "onnx/vision_model.onnx", "onnx/text_model.onnx", RedProbe);

        Assert.False(findings[^1].Ok);
        Assert.Equal("load and shapes", findings[^1].Step);
        Assert.Contains("max_position_embeddings", findings[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PairWhoseDecoyWinsIsReported()
    {
        var swapped = RedProbe with { Text = RedProbe.Decoy, Decoy = RedProbe.Text };

        var pair = ModelDoctor.Examine(fixture.Model.Directory, "onnx/vision_model.onnx", "onnx/text_model.onnx", swapped)[^1];

        Assert.Equal("known pair", pair.Step);
        Assert.False(pair.Ok);
        Assert.Contains("the decoy scores at least as high", pair.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultProbeIsARedPicture()
    {
        var findings = ModelDoctor.Examine(fixture.Model.Directory, "onnx/vision_model.onnx", "onnx/text_model.onnx");

        Assert.Equal("known pair", findings[^1].Step);
        Assert.Contains("decoy 'a photo of the colour green'", findings[^1].Detail, StringComparison.Ordinal);
    }
}
