namespace Gateway.Hosting;

/// <summary>
/// The two folders the gateway uses. <see cref="AppFolder"/> holds what the product ships (the peak catalog
/// <c>config/peaks.yaml</c>, <c>models/manifest.json</c>, <c>wwwroot</c>, <c>appsettings.json</c>) and is the folder of
/// the app's assembly, so it is the same however the product is started. <see cref="DataFolder"/> holds everything the
/// gateway writes (the embedded store, downloaded models, thumbnails, job storage, the editable catalog, the album list
/// and schedules); <c>Gateway:DataFolder</c> (env <c>Gateway__DataFolder</c>) moves it.
/// </summary>
internal sealed class GatewayFolders
{
    /// <summary>The one setting that moves everything the gateway writes.</summary>
    public const string DataFolderKey = "Gateway:DataFolder";

    /// <summary>The data folder's name under the user's data home (<c>~/.local/share</c> on Linux).</summary>
    public const string ApplicationName = "trek-photo-gateway";

    /// <summary>Creates the folders; relative <paramref name="dataFolder"/> resolves against the current directory.</summary>
    public GatewayFolders(string appFolder, string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        AppFolder = Path.GetFullPath(appFolder);
        DataFolder = Path.GetFullPath(dataFolder);
    }

    /// <summary>The folder of the app (its assembly): shipped, read-only files.</summary>
    public string AppFolder { get; }

    /// <summary>The folder everything written lives under.</summary>
    public string DataFolder { get; }

    /// <summary>The shipped peak catalog (<c>config/peaks.yaml</c> next to the app).</summary>
    public string ShippedCatalog => App(Path.Combine("config", "peaks.yaml"));

    /// <summary>The user's editable catalog (seeded from <see cref="ShippedCatalog"/> on first run).</summary>
    public string EditableCatalog => Data("peaks.yaml");

    /// <summary><paramref name="path"/> resolved against <see cref="AppFolder"/> (an absolute path stays as it is).</summary>
    public string App(string path) => Path.GetFullPath(Path.Combine(AppFolder, path));

    /// <summary><paramref name="path"/> resolved against <see cref="DataFolder"/> (an absolute path stays as it is).</summary>
    public string Data(string path) => Path.GetFullPath(Path.Combine(DataFolder, path));

    /// <summary>Whether <paramref name="path"/> is the data folder or inside it.</summary>
    public bool IsInsideDataFolder(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
        var data = Path.TrimEndingDirectorySeparator(DataFolder) + Path.DirectorySeparatorChar;
        return full.StartsWith(data, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The folders for this process: the app's assembly folder, and <c>Gateway:DataFolder</c> or the default.</summary>
    public static GatewayFolders From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[DataFolderKey];
        return new GatewayFolders(AppContext.BaseDirectory, string.IsNullOrWhiteSpace(configured) ? DefaultDataFolder() : configured);
    }

    /// <summary>
    /// The per-user data home a desktop user expects: <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux,
    /// <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows, plus <see cref="ApplicationName"/>.
    /// The data is per user and survives a fresh clone or a rebuild (the repository and bin/ are not places to keep
    /// an index of one's photos). The Docker image sets <c>Gateway__DataFolder=/data</c> instead.
    /// </summary>
    public static string DefaultDataFolder()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(home))
        {
            // No HOME (a service account): next to the current directory rather than nowhere.
            home = Path.Combine(Environment.CurrentDirectory, "data");
        }

        return Path.Combine(home, ApplicationName);
    }
}
