namespace Gateway.Embeddings.Tests.Images;

/// <summary>Finds <c>../shared/photos</c> next to the repository (the folder holding Gateway.sln); null when absent.</summary>
internal static class SharedPhotos
{
    public static string? Root { get; } = Find();

    public static string Path(params string[] parts)
    {
        Skip.If(Root is null, "../shared/photos is not present next to the repository");
        return System.IO.Path.Combine([Root!, .. parts]);
    }

    /// <summary>Rows of a MANIFEST.tsv as header-name → value dictionaries.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Manifest(string folder)
    {
        var lines = File.ReadAllLines(Path(folder, "MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
    }

    private static string? Find() =>
        RepositoryPaths.Shared is { } shared && Directory.Exists(System.IO.Path.Combine(shared, "photos"))
            ? System.IO.Path.Combine(shared, "photos")
            : null;
}
