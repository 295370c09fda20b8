using System.Text.RegularExpressions;

namespace Gateway.Albums;

/// <summary>Album names made from folder names (for <c>gateway index &lt;folder&gt;</c>).</summary>
internal static partial class AlbumNames
{
    /// <summary>The folder's own name with every character an album name cannot hold replaced by '-',
    /// e.g. <c>/photos/Everest 2023</c> → <c>Everest-2023</c>.</summary>
    public static string FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var cleaned = Invalid().Replace(name, "-").TrimStart('-', '_', '.');
        return cleaned.Length == 0 ? "album" : cleaned;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex Invalid();
}
