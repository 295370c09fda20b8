namespace Gateway.Embeddings.Service;

/// <summary>Where the files of one SigLIP-2 checkpoint live.</summary>
internal sealed record SiglipModelFiles(string Directory, string VisionModel, string TextModel)
{
    public string Tokenizer => Path.Combine(Directory, "tokenizer.model");

    public string Config => Path.Combine(Directory, "config.json");

    public string Preprocessor => Path.Combine(Directory, "preprocessor_config.json");

    public static SiglipModelFiles From(EmbeddingOptions options)
    {
        var directory = options.ResolveModelDirectory();
        return new SiglipModelFiles(directory, Path.Combine(directory, options.EffectiveVisionModelFile), Path.Combine(directory, options.EffectiveTextModelFile));
    }

    /// <summary>The required files that do not exist, relative to <see cref="Directory"/>.</summary>
    public IReadOnlyList<string> Missing() =>
        new[] { VisionModel, TextModel, Tokenizer, Config, Preprocessor }
            .Where(p => !File.Exists(p))
            .Select(p => Path.GetRelativePath(Directory, p))
            .ToList();
}
