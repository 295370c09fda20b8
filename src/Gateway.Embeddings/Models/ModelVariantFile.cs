using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Embeddings.Models;

/// <summary>
/// The export an admin chose on the model page (<c>model-variant.json</c> in the data folder, <c>{"variant":"int8"}</c>),
/// kept across restarts: read at start-up, it overrides <c>Embeddings:Variant</c> (and the per-tower file settings).
/// </summary>
public sealed class ModelVariantFile(string path)
{
    /// <summary>Where the choice is kept.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The chosen variant, or null when no admin has chosen one. A file that is not the expected JSON is broken
    /// configuration and throws <see cref="InvalidDataException"/> naming the file.</summary>
    public string? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(Path))?["variant"]?.GetValue<string>() is { Length: > 0 } variant
                ? variant
                : throw new InvalidDataException($"{Path} names no \"variant\"; delete it to use Embeddings:Variant");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{Path} is not {{\"variant\": \"<name>\"}}: {e.Message}; delete it to use Embeddings:Variant", e);
        }
    }

    /// <summary>Keeps <paramref name="variant"/> (written to a temporary file first, so a crash leaves the old choice whole).</summary>
    public void Write(string variant)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, new JsonObject { ["variant"] = variant }.ToJsonString());
        File.Move(temporary, Path, overwrite: true);
    }
}
