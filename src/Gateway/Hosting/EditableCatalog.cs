namespace Gateway.Hosting;

/// <summary>The user's copy of the peak catalog: seeded from the shipped file once, then only the admin edits it.</summary>
internal static class EditableCatalog
{
    /// <summary>Copies <paramref name="shipped"/> to <paramref name="editable"/> when the editable copy does not exist yet.
    /// Returns whether it copied.</summary>
    public static bool EnsureSeeded(string shipped, string editable)
    {
        if (File.Exists(editable) || !File.Exists(shipped) || string.Equals(Path.GetFullPath(shipped), Path.GetFullPath(editable), StringComparison.Ordinal))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(editable)!);

        // Copy to a temporary name and move, so a crash mid-copy never leaves a truncated catalog behind.
        var partial = editable + ".partial";
        File.Copy(shipped, partial, overwrite: true);
        File.Move(partial, editable, overwrite: false);
        return true;
    }
}
