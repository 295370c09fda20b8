using System.Text.RegularExpressions;

namespace Gateway.Albums;

/// <summary>What makes a new album acceptable: a valid unique name and a readable folder outside the data folder.</summary>
internal static partial class AlbumRules
{
    /// <summary>Null when the album may be added, else (status, error type, reason): 400 for a bad name or folder, 409 for a taken name.</summary>
    public static AlbumError? Check(string? name, string? folder, IReadOnlyCollection<Album> existing, string dataFolder)
    {
        if (string.IsNullOrWhiteSpace(name) || !NamePattern().IsMatch(name))
        {
            return AlbumError.BadRequest($"album name [{name}] is invalid: use letters, digits, '-', '_' or '.', starting with a letter or digit");
        }

        if (existing.Any(a => string.Equals(a.Name, name, StringComparison.Ordinal)))
        {
            return new AlbumError(409, "resource_already_exists_exception", $"album [{name}] already exists");
        }

        if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathFullyQualified(folder))
        {
            return AlbumError.BadRequest($"album folder [{folder}] must be an absolute path");
        }

        if (!Directory.Exists(folder))
        {
            return AlbumError.BadRequest($"album folder [{folder}] does not exist");
        }

        if (!IsReadable(folder))
        {
            return AlbumError.BadRequest($"album folder [{folder}] is not readable by the gateway");
        }

        var data = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder)) + Path.DirectorySeparatorChar;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        if (full.StartsWith(data, StringComparison.Ordinal) || data.StartsWith(full, StringComparison.Ordinal))
        {
            return AlbumError.BadRequest($"album folder [{folder}] overlaps the gateway's data folder [{dataFolder}]: photos and the gateway's own files must stay apart");
        }

        return null;
    }

    private static bool IsReadable(string folder)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();
}
