namespace Gateway.PhotoFiles;

/// <summary>
/// A path with every symbolic link along it resolved, like POSIX <c>realpath</c>. .NET resolves only the last
/// component (<see cref="FileSystemInfo.ResolveLinkTarget"/>), and a text check (<c>GetFullPath</c> + <c>StartsWith</c>)
/// says nothing about where a read ends up once the OS follows a linked folder in the middle of the path.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); so does this.
    private const int MaxLinks = 40;

    /// <summary>The real path of an existing file or folder, or null when it does not exist, a link dangles or loops, or the path is malformed.</summary>
    public static string? Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var full = Path.GetFullPath(path);
            var current = Path.GetPathRoot(full)!;
            var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
            var links = 0;
            while (pending.TryPop(out var part))
            {
                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }

                var next = Path.Combine(current, part);
                if (!Path.Exists(next))
                {
                    return null;
                }

                if (new FileInfo(next).LinkTarget is not { } target)
                {
                    current = next;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    return null;
                }

                // The target's own components are walked too: it may hold links and "..", which are resolved
                // against the real folder the link sits in, not against the text of the path.
                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target)!;
                    target = target[current.Length..];
                }

                foreach (var targetPart in Parts(target).Reverse())
                {
                    pending.Push(targetPart);
                }
            }

            return current;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> lies below <paramref name="root"/> (both real paths).</summary>
    public static bool IsInside(string path, string root) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != ".");
}
