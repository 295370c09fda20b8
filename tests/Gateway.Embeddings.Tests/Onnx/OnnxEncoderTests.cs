using Gateway.Embeddings.Onnx;
using Gateway.TestModels;

namespace Gateway.Embeddings.Tests.Onnx;

public sealed class OnnxEncoderTests(TestModelFixture fixture) : IClassFixture<TestModelFixture>
{
    [Fact]
    public void Constructor_ReadsShapesFromTheModel()
    {
        using var vision = new OnnxEncoder<float>(fixture.Model.VisionModel, "pixel_values", [3, -1, -1], 4, 1);

        Assert.Equal([3L, fixture.Model.ImageSize, fixture.Model.ImageSize], vision.ItemShape);
        Assert.Equal(fixture.Model.Dimensions, vision.Dimensions);
        Assert.Equal(3 * fixture.Model.ImageSize * fixture.Model.ImageSize, vision.ItemLength);
    }

    [Fact]
    public void Constructor_WrongInputNameFailsNamingWhatItFound()
    {
        var error = Assert.Throws<InvalidDataException>(() => new OnnxEncoder<long>(fixture.Model.TextModel, "token_ids", [64], 4, 1));

        Assert.Contains("token_ids", error.Message, StringComparison.Ordinal);
        Assert.Contains("input_ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WrongElementTypeFails()
    {
        var error = Assert.Throws<InvalidDataException>(() => new OnnxEncoder<float>(fixture.Model.TextModel, "input_ids", [64], 4, 1));

        Assert.Contains("Int64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ConfigDisagreeingWithModelDimsFails()
    {
        var error = Assert.Throws<InvalidDataException>(() => new OnnxEncoder<float>(fixture.Model.VisionModel, "pixel_values", [3, 224, 224], 4, 1));

        Assert.Contains("224", error.Message, StringComparison.Ordinal);
        Assert.Contains(fixture.Model.ImageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BatchRowsAreIndependent()
    {
        using var text = new OnnxEncoder<long>(fixture.Model.TextModel, "input_ids", [64], 4, 1);
        var tokenizer = Gateway.Embeddings.Text.SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);
        tokenizer.Encode("red", text.InputFor(0));
        var single = text.Run(1).ToArray();

        tokenizer.Encode("blue", text.InputFor(0));
        tokenizer.Encode("red", text.InputFor(1));
        var pair = text.Run(2).ToArray();

        Assert.Equal(single, pair[text.Dimensions..]);
        Assert.NotEqual(single, pair[..text.Dimensions]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Run(5));
    }

    [Fact]
    public void Run_CancelledTokenStopsTheRunAndTheEncoderStaysUsable()
    {
        using var vision = new OnnxEncoder<float>(fixture.Model.VisionModel, "pixel_values", [3, -1, -1], 2, 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // The cancelled token raises ONNX Runtime's terminate flag, the run fails, and the flag is cleared again.
        var error = Assert.ThrowsAny<OperationCanceledException>(() => vision.Run(1, cts.Token).ToArray());

        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(error.InnerException);

        Assert.Equal(fixture.Model.Dimensions, vision.Run(1).Length);
    }

    [Fact]
    public void Run_TextModelWithAttentionMaskInputGetsTheSameVectors()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-mask-model").FullName;
        var masked = TestModelFactory.WriteTo(directory, textAttentionMask: true);
        var tokenizer = Gateway.Embeddings.Text.SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);
        using var plain = new OnnxEncoder<long>(fixture.Model.TextModel, "input_ids", [64], 2, 1);
        using (var withMask = new OnnxEncoder<long>(masked.TextModel, "input_ids", [64], 2, 1))
        {
            tokenizer.Encode("yellow", plain.InputFor(0));
            tokenizer.Encode("yellow", withMask.InputFor(0));

            Assert.Equal(plain.Run(1).ToArray(), withMask.Run(1).ToArray());
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void TestModel_ColourDirectionsAreOrthonormal()
    {
        using var text = new OnnxEncoder<long>(fixture.Model.TextModel, "input_ids", [64], TestColor.All.Count, 1);
        var tokenizer = Gateway.Embeddings.Text.SiglipTokenizer.Load(fixture.Model.Tokenizer, 64);
        for (var i = 0; i < TestColor.All.Count; i++)
        {
            tokenizer.Encode(TestColor.All[i].Name, text.InputFor(i));
        }

        var output = text.Run(TestColor.All.Count);
        var d = text.Dimensions;
        for (var i = 0; i < TestColor.All.Count; i++)
        {
            for (var j = 0; j < TestColor.All.Count; j++)
            {
                var cosine = Gateway.Embeddings.Vectors.VectorMath.Cosine(output.Slice(i * d, d), output.Slice(j * d, d));
                Assert.True(i == j ? cosine > 0.95f : cosine < 0.3f, $"{TestColor.All[i].Name}·{TestColor.All[j].Name} = {cosine}");
            }
        }
    }
}
