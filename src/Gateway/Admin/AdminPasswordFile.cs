
namespace Gateway.Admin;

/// <summary>
/// The admin password hash made by the first-run setup page, kept in <c>admin-password</c> in the data folder
/// (owner read/write only). Never the password itself: an <see cref="AdminPasswordHash"/> string.
/// </summary>
internal sealed class AdminPasswordFile(string path)
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "admin-password";

    /// <summary>Where the file lives.</summary>
    public string Path { get; } = path;

    /// <summary>The file in the gateway's data folder (<c>Gateway:DataFolder</c>).</summary>
    public static AdminPasswordFile InDataFolder(Gateway.Hosting.GatewayFolders folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        return new AdminPasswordFile(folders.Data(FileName));
    }

    /// <summary>The stored hash, or null when there is none or it is not a well-formed hash.</summary>
    public string? Read()
    {
        try
        {
            var hash = File.ReadAllText(Path).Trim();
            return AdminPasswordHash.IsWellFormed(hash) ? hash : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes the hash unless a file already exists (two setup forms racing: the first wins); false when one did.</summary>
    public bool TryCreate(string hash)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(Path, options);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(hash + "\n"));
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(Path))
        {
            return false;
        }
    }
}
