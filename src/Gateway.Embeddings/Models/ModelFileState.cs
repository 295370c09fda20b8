namespace Gateway.Embeddings.Models;

/// <summary>Outcome of checking one local model file.</summary>
public enum ModelFileState
{
    /// <summary>Present and its SHA-256 matches the manifest or the hash recorded at download.</summary>
    Ok,

    /// <summary>Not on disk.</summary>
    Missing,

    /// <summary>Present but its SHA-256 differs from the manifest or the recorded hash.</summary>
    Mismatch,

    /// <summary>Present, but there is no hash to compare with (placed by hand); its hash is now recorded.</summary>
    Recorded,
}
