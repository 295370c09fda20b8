using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Embeddings.Models;

/// <summary>The supported checkpoints (<c>models/manifest.json</c>).</summary>
/// <param name="Default">The model id used when none is configured.</param>
/// <param name="UrlPattern">Download URL with <c>{repo}</c>, <c>{revision}</c> and <c>{path}</c> placeholders.</param>
/// <param name="Models">The checkpoints.</param>
public sealed record ModelManifest(string Default, string UrlPattern, IReadOnlyList<ModelEntry> Models)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a manifest file; a malformed one fails with the file name in the message.</summary>
    public static ModelManifest Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid model manifest: {ex.Message}", ex);
        }
    }

    /// <summary>Reads <paramref name="path"/> when it exists, otherwise the copy of <c>models/manifest.json</c> built into this assembly.</summary>
    public static ModelManifest LoadOrBuiltIn(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }
        using var stream = typeof(ModelManifest).Assembly.GetManifestResourceStream("Gateway.Embeddings.models.manifest.json")
            ?? throw new InvalidOperationException("the built-in model manifest is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses manifest JSON.</summary>
    public static ModelManifest Parse(string json)
    {
        var manifest = JsonSerializer.Deserialize<ModelManifest>(json, Json) ?? throw new InvalidDataException("the model manifest is empty");
        if (manifest.Models is null || manifest.Models.Count == 0 || string.IsNullOrEmpty(manifest.UrlPattern))
        {
            throw new InvalidDataException("the model manifest needs a urlPattern and at least one model");
        }
        return manifest;
    }

    /// <summary>The checkpoint with this id (case-insensitive); null when unknown.</summary>
    public ModelEntry? Find(string id) => Models.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The checkpoint with this id, or an exception listing the known ids.</summary>
    public ModelEntry Get(string id) => Find(id)
        ?? throw new ArgumentException($"unknown model '{id}'; known models: {string.Join(", ", Models.Select(m => m.Id))}", nameof(id));

    /// <summary>The download URL of one file: from the file's own repository when it names one (at the file's revision, else
    /// <c>main</c>), otherwise from the model's.</summary>
    public Uri UrlOf(ModelEntry model, ModelFileEntry file) => new(UrlPattern
        .Replace("{repo}", file.Repo ?? model.Repo, StringComparison.Ordinal)
        .Replace("{revision}", file.Revision ?? (file.Repo is null ? model.Revision : null) ?? "main", StringComparison.Ordinal)
        .Replace("{path}", file.Path, StringComparison.Ordinal));
}
