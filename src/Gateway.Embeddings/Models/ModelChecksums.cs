using System.Text.Json;

namespace Gateway.Embeddings.Models;

/// <summary>
/// SHA-256 of each file as first downloaded (or first verified), kept in <c>&lt;model dir&gt;/.checksums.json</c>,
/// so that files whose hash the manifest does not know are still checked for later corruption (trust on first use).
/// </summary>
internal static class ModelChecksums
{
    private const string FileName = ".checksums.json";
    private static readonly Lock Gate = new();

    public static Dictionary<string, string> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON ({ex.Message}); delete it and run `gateway models verify` to record the hashes again", ex);
        }
    }

    public static void Record(string directory, string file, string sha256)
    {
        lock (Gate)
        {
            var all = Read(directory);
            all[file] = sha256;
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, FileName);
            var temp = path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(new SortedDictionary<string, string>(all, StringComparer.Ordinal), new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temp, path, overwrite: true);
        }
    }
}
