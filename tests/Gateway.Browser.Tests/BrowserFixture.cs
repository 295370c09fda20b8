using Gateway.Admin;
using Gateway.Embeddings;
using Gateway.Photos.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gateway.Browser.Tests;

/// <summary>
/// One host and one headless Chromium for every browser test: the catalog is built and the album indexed through
/// the product's own services before the first test. When /usr/bin/chromium is absent nothing starts and the tests skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestAlbum? _album;
    private GatewayServer? _server;
    private IPlaywright? _playwright;

    /// <summary>Whether the browser is installed (tests skip otherwise).</summary>
    public static bool Available => File.Exists(TestPaths.Chromium);

    internal TestAlbum Album => _album!;

    internal GatewayServer Server => _server!;

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's address.</summary>
    public Uri Address => Server.Address;

    /// <summary>Photos indexed at start-up.</summary>
    public int Indexed { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _album = new TestAlbum();
        _server = new GatewayServer(_album);
        _server.Start();
        await WaitForModelAsync(_server.Services.GetRequiredService<IEmbeddingService>());
        var rebuild = (await _server.Services.GetRequiredService<PeakEditor>().RebuildAsync(force: true, CancellationToken.None)).Value;
        Assert.Empty(rebuild.Failures);
        var ingest = (await _server.Services.GetRequiredService<PhotoIngestor>().FullReindexAsync()).Value;
        Indexed = ingest.Indexed;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestPaths.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a desktop viewport, pointed at the host.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = Address.ToString().TrimEnd('/'),
        ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        Locale = "en-GB",
    });

    /// <summary>Saves a full-page screenshot under TestResults/screenshots once every image has loaded.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _album?.Dispose();
    }

    private static async Task WaitForModelAsync(IEmbeddingService embeddings)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (embeddings.Status.State != EmbeddingModelState.Ready)
        {
            if (DateTime.UtcNow > deadline || embeddings.Status.State == EmbeddingModelState.Failed)
            {
                throw new InvalidOperationException("the test model did not load: " + embeddings.Status.Detail);
            }

            await Task.Delay(100);
        }
    }
}
