
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

    /// <summary>
    /// The data folder: the parent of <c>EmbeddedStore:DataPath</c> (<c>data/embedded-store</c> → <c>data</c>).
    /// The one place that decides it, so it can follow <c>Gateway:DataFolder</c> once that setting exists.
    /// </summary>
    public static AdminPasswordFile InDataFolder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var store = System.IO.Path.GetFullPath(configuration["EmbeddedStore:DataPath"] is { Length: > 0 } path ? path : "data/embedded-store");
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.TrimEndingDirectorySeparator(store)) ?? store;
        return new AdminPasswordFile(System.IO.Path.Combine(folder, FileName));
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
