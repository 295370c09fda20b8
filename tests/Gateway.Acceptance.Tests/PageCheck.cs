using Microsoft.Playwright;

namespace Gateway.Acceptance.Tests;

/// <summary>Loads pages of the running product in headless Chromium and collects every failed request and console error.</summary>
internal sealed class PageCheck : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PageCheck(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static bool Available => File.Exists(AcceptancePaths.Chromium);

    public static async Task<PageCheck> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = AcceptancePaths.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new PageCheck(playwright, browser);
    }

    /// <summary>Loads <paramref name="path"/>, waits until the network is idle, and returns the page's text and every
    /// problem seen; with <paramref name="cookies"/> (the signed-in admin's, <see cref="ShippedGateway.Cookies"/>) the
    /// browser is signed in.</summary>
    public async Task<(string Text, IReadOnlyList<string> Problems)> LoadAsync(Uri address, string path, string screenshot, IEnumerable<System.Net.Cookie>? cookies = null)
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        await AddCookiesAsync(context, address, cookies);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Method} {r.Url} ({r.Failure})");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                problems.Add($"{r.Status} for {r.Request.Method} {r.Url}");
            }
        };
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add("console error: " + m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AcceptancePaths.Screenshots, screenshot + ".png"), FullPage = true });
        return (await page.InnerTextAsync("body"), problems);
    }

    /// <summary>Adds an alias to a peak through the admin's edit form, as a person would, signed in with the admin's
    /// <paramref name="cookies"/>.</summary>
    public async Task AddAliasAsync(Uri address, IEnumerable<System.Net.Cookie> cookies, string peakId, string alias)
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString().TrimEnd('/') });
        await AddCookiesAsync(context, address, cookies);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/peaks/edit/" + peakId);
        await page.FillAsync("#Form_NewAlias", alias);
        var saved = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#peak-form button[value=false]"),
            r => r.Request.Method == "POST" && r.Url.Contains(peakId, StringComparison.Ordinal));
        Assert.True(saved.Status is >= 200 and < 400, $"saving {peakId} answered {saved.Status}");
    }

    private static async Task AddCookiesAsync(IBrowserContext context, Uri address, IEnumerable<System.Net.Cookie>? cookies)
    {
        var copies = (cookies ?? []).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = address.GetLeftPart(UriPartial.Authority),
            HttpOnly = c.HttpOnly,
            SameSite = SameSiteAttribute.Strict,
        }).ToList();
        if (copies.Count > 0)
        {
            await context.AddCookiesAsync(copies);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
