using Gateway.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Browser.Tests;

/// <summary>The real gateway host on a real Kestrel loopback port (so a real browser can reach it), on the embedded
/// store in a temporary folder, with the colour test model, the test album and the test catalog.</summary>
internal sealed class GatewayServer : WebApplicationFactory<Program>
{
    public const string AdminPassword = "correct horse battery staple";

    private readonly TestAlbum _album;

    public GatewayServer(TestAlbum album)
    {
        _album = album;
        UseKestrel(0);
    }

    /// <summary>The address the browser uses, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Upstream:Url", "embedded");
        builder.UseSetting("Gateway:DataFolder", Path.Combine(_album.Root, "gateway-data"));
        builder.UseSetting("Jobs:BuildCatalogWhenReady", "false");
        builder.UseSetting("EmbeddedStore:DataPath", Path.Combine(_album.Root, "data"));
        builder.UseSetting("EmbeddedStore:SyncOnWrite", "false");
        builder.UseSetting("Embeddings:ModelDirectory", _album.Model.Directory);
        builder.UseSetting("Embeddings:Download:AutoDownload", "false");
        builder.UseSetting("Embeddings:Download:ManifestPath", Path.Combine(TestPaths.RepositoryRoot, "models", "manifest.json"));
        builder.UseSetting("Embeddings:Download:ModelsRoot", Path.Combine(_album.Root, "models"));
        builder.UseSetting("Peaks:CatalogPath", _album.CatalogPath);
        builder.UseSetting("Photos:Albums:0:Name", "trek");
        builder.UseSetting("Photos:Albums:0:Root", _album.AlbumDirectory);
        builder.UseSetting("Gateway:Ui:ThumbnailCacheDirectory", Path.Combine(_album.Root, "thumbs"));

        // A low iteration count keeps sign-in fast in tests; production hashes use the default.
        builder.UseSetting("Gateway:Admin:PasswordHash", AdminPasswordHash.Create(AdminPassword, 1000));
    }
}
