using System.ComponentModel.DataAnnotations;

namespace Gateway.Embeddings.Models;

/// <summary>Fetching model files (section <c>Embeddings:Download</c>).</summary>
public sealed class ModelDownloadOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Embeddings:Download";

    /// <summary>Fetch the configured model in the background at start-up when its files are missing (default true).</summary>
    public bool AutoDownload { get; set; } = true;

    /// <summary>The manifest of supported checkpoints (default <c>models/manifest.json</c>, relative to the current directory; when absent, the copy built into the assembly).</summary>
    [Required]
    public string ManifestPath { get; set; } = Path.Combine("models", "manifest.json");

    /// <summary>The folder under which each model gets its own <c>&lt;id&gt;/</c> folder (default <c>models</c>).</summary>
    [Required]
    public string ModelsRoot { get; set; } = "models";

    /// <summary>Overrides the manifest's URL pattern, e.g. for a mirror: <c>https://mirror.example/{repo}/resolve/{revision}/{path}</c>.</summary>
    public string? UrlPattern { get; set; }

    /// <summary>Transfer attempts per file before giving up (each resumes where the last stopped).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;
}
