using Gateway.Embeddings.Images;
using Gateway.Embeddings.Models;
using Gateway.Embeddings.Onnx;
using Gateway.Embeddings.Text;

namespace Gateway.Embeddings.Service;

/// <summary>A loaded checkpoint: tokenizer, both ONNX towers and the image preprocessor, checked against each other.</summary>
internal sealed class SiglipModel : IDisposable
{
    private SiglipModel(SiglipTokenizer tokenizer, OnnxEncoder<long> text, OnnxEncoder<float> vision, ImagePreprocessor images)
    {
        Tokenizer = tokenizer;
        Text = text;
        Vision = vision;
        Images = images;
    }

    public SiglipTokenizer Tokenizer { get; }

    public OnnxEncoder<long> Text { get; }

    public OnnxEncoder<float> Vision { get; }

    public ImagePreprocessor Images { get; }

    public int Dimensions => Text.Dimensions;

    public static SiglipModel Load(SiglipModelFiles files, int maxBatch, int intraOpThreads, ImageDecodeOptions? decodeOptions = null)
    {
        // The JSON configs first (every problem at once), then the ONNX metadata as each tower opens.
        ModelConfigValidator.ThrowIfAny(ModelConfigValidator.CheckConfigs(File.ReadAllText(files.Config), File.ReadAllText(files.Preprocessor)), files.Directory);
        var config = SiglipModelConfig.Read(files);
        var tokenizer = SiglipTokenizer.Load(files.Tokenizer, config.SequenceLength);
        if (tokenizer.VocabularySize > config.VocabularySize)
        {
            throw new InvalidDataException(
                $"{files.Tokenizer} has {tokenizer.VocabularySize} pieces but {files.Config} says vocab_size {config.VocabularySize}");
        }

        var text = new OnnxEncoder<long>(files.TextModel, "input_ids", [config.SequenceLength], maxBatch, intraOpThreads);
        try
        {
            if (text.ItemShape[0] != config.SequenceLength)
            {
                throw new InvalidDataException($"{files.TextModel} takes {text.ItemShape[0]} tokens, {files.Config} says {config.SequenceLength}");
            }

            var spec = config.Image;
            var vision = new OnnxEncoder<float>(files.VisionModel, "pixel_values", [3, spec.Height, spec.Width], maxBatch, intraOpThreads);
            if (vision.Dimensions != text.Dimensions)
            {
                vision.Dispose();
                throw new InvalidDataException(
                    $"{files.VisionModel} outputs {vision.Dimensions} dims but {files.TextModel} outputs {text.Dimensions}; they must share one space");
            }

            var actualSpec = spec with { Height = (int)vision.ItemShape[1], Width = (int)vision.ItemShape[2] };
            return new SiglipModel(tokenizer, text, vision, new ImagePreprocessor(actualSpec, decodeOptions));
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Text.Dispose();
        Vision.Dispose();
    }
}
