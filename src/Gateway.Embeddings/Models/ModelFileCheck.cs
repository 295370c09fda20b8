namespace Gateway.Embeddings.Models;

/// <summary>The result of checking one file of a model folder.</summary>
/// <param name="Path">The file's path inside the model folder.</param>
/// <param name="State">What was found.</param>
/// <param name="Sha256">The file's hash when present.</param>
/// <param name="Expected">The hash it was compared with, if any.</param>
public sealed record ModelFileCheck(string Path, ModelFileState State, string? Sha256, string? Expected);
