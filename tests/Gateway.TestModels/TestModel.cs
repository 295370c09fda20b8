namespace Gateway.TestModels;

/// <summary>A model folder written by <see cref="TestModelFactory.WriteTo"/>.</summary>
/// <param name="Directory">The folder holding the files.</param>
/// <param name="Dimensions">Output dimensions of both towers.</param>
/// <param name="ImageSize">Square input size of the vision model.</param>
/// <param name="SequenceLength">Token count of the text model's input.</param>
/// <param name="VocabularySize">Rows of the text model's embedding table.</param>
public sealed record TestModel(string Directory, int Dimensions, int ImageSize, int SequenceLength, int VocabularySize)
{
    /// <summary>Full path of the vision model.</summary>
    public string VisionModel => Path.Combine(Directory, TestModelFactory.VisionModelPath);

    /// <summary>Full path of the text model.</summary>
    public string TextModel => Path.Combine(Directory, TestModelFactory.TextModelPath);

    /// <summary>Full path of the SentencePiece model.</summary>
    public string Tokenizer => Path.Combine(Directory, "tokenizer.model");
}
