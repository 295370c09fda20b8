using Gateway.TestModels;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway on the embedded store with the test model, a two-peak catalog (red-peak, blue-peak) and an album
/// <c>trek</c> of solid-colour photos plus one broken file: what the jobs tests run against.
/// </summary>
internal sealed class AlbumGateway : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <summary>Starts the gateway with an album of one photo per colour and <c>broken.jpg</c>.</summary>
    public AlbumGateway(params string[] colours)
        : this(new Dictionary<string, string?>(), colours)
    {
    }

    /// <summary>As above, with more settings (e.g. <c>Jobs:ChunkSize</c>).</summary>
    public AlbumGateway(IReadOnlyDictionary<string, string?> extraSettings, params string[] colours)
        : this(extraSettings, null, colours)
    {
    }

    /// <summary>As above, with services changed after the gateway's own (e.g. an embedding service that fails).</summary>
    public AlbumGateway(IReadOnlyDictionary<string, string?> extraSettings, Action<IServiceCollection>? services, params string[] colours)
    {
        var model = TestModelFactory.WriteTo(Path.Combine(_dir.Path, "model"));
        var album = Directory.CreateDirectory(Path.Combine(_dir.Path, "album")).FullName;
        foreach (var colour in colours)
        {
            File.WriteAllBytes(Path.Combine(album, colour + ".jpg"), TestImages.SolidJpeg(TestColor.Named(colour)));
        }

        File.WriteAllBytes(Path.Combine(album, "broken.jpg"), [0xFF, 0xD8, 0xFF]);
        var catalog = Path.Combine(_dir.Path, "peaks.yaml");
        File.WriteAllText(catalog, ColourCatalog.RedAndBlue);
        var settings = new Dictionary<string, string?>
        {
            ["Peaks:CatalogPath"] = catalog,
            ["Photos:Albums:0:Name"] = "trek",
            ["Photos:Albums:0:Root"] = album,
            ["Gateway:Admin:PasswordHash"] = Gateway.Admin.AdminPasswordHash.Create(AdminPassword, 1000),
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        Settings = settings;
        Host = GatewayHost.Start(_dir.Path, model.Directory, settings, services);
        Host.Http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + AdminPassword)));

        // `gateway index --server` reads the admin password from the environment; every album gateway shares this one.
        Environment.SetEnvironmentVariable("GATEWAY_ADMIN_PASSWORD", AdminPassword);
    }

    /// <summary>The admin password; the host's client sends it as Basic credentials (starting jobs needs the admin).</summary>
    public const string AdminPassword = "jobs test password";

    /// <summary>The running gateway.</summary>
    public GatewayHost Host { get; }

    /// <summary>The catalog and album settings the gateway was started with.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The gateway's embedded store folder.</summary>
    public string StorePath => Path.Combine(_dir.Path, "store");

    public void Dispose()
    {
        Host.Dispose();
        _dir.Dispose();
    }
}
