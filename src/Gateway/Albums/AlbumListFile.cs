using System.Text.Json;

namespace Gateway.Albums;

/// <summary>The albums added through the admin or the API, kept as <c>albums.json</c> in the data folder.</summary>
internal sealed class AlbumListFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>The stored albums; none when the file does not exist yet. A corrupt file is broken configuration and throws.</summary>
    public List<StoredAlbum> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<StoredAlbum>>(File.ReadAllText(Path), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the album list {Path} is not valid JSON ({e.Message}); fix or remove it", e);
        }
    }

    /// <summary>Writes the list atomically (temporary file, then rename), so a crash never leaves half a list.</summary>
    public void Save(IEnumerable<StoredAlbum> albums)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var partial = Path + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(albums, Json));
        File.Move(partial, Path, overwrite: true);
    }

    /// <summary>One entry of the file.</summary>
    public sealed record StoredAlbum(string Name, string Root);
}
