using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gateway.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture fixture)
{
    private const string NewAlias = "Amai Dablang";

    [SkippableFact]
    public async Task AnonymousAdmin_IsRefused()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/admin/peaks");
        Assert.Matches("/admin/signin", page.Url);
        await Expect(page.Locator("input[type=password]")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Ama Dablam");
        Assert.NotNull(response);

        // Scripts get a status, not a form; the dashboard and the admin's own POSTs are refused alike.
        var api = await context.APIRequest.GetAsync("/admin", new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" }, MaxRedirects = 0 });
        Assert.Equal(401, api.Status);
        var post = await context.APIRequest.PostAsync("/admin/peaks?handler=Rebuild", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.True(post.Status is 400 or 401, $"anonymous POST answered {post.Status}");
        await page.GotoAsync("/jobs");
        Assert.Matches("/admin/signin", page.Url);
        var start = await context.APIRequest.PostAsync("/_gateway/jobs", new APIRequestContextOptions { DataObject = new { type = "catalog-rebuild" }, MaxRedirects = 0 });
        Assert.Equal(401, start.Status);
        await BrowserFixture.ScreenshotAsync(page, "admin-signin");
    }

    [SkippableFact]
    public async Task SignIn_WithWrongPassword_IsRejected()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/signin");
        await page.FillAsync("input[type=password]", "wrong");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator(".field-validation-error")).ToContainTextAsync("Wrong password");
        var status = await context.APIRequest.GetAsync("/admin", new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" }, MaxRedirects = 0 });
        Assert.Equal(401, status.Status);
    }

    [SkippableFact]
    public async Task AddingAnAlias_AndRebuilding_MakesTheAliasFindThePhotos()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        // Before: the alias names no peak, so the query is embedded as plain text.
        await page.GotoAsync("/ui?q=" + Uri.EscapeDataString(NewAlias));
        await Expect(page.Locator("#status")).ToContainTextAsync("photo");
        await Expect(page.Locator("#status")).Not.ToContainTextAsync("searched as");

        await SignInAsync(page);
        await page.GotoAsync("/admin/peaks?q=" + Uri.EscapeDataString("アマダブラム"));
        await Expect(page.Locator("#peaks tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "admin-peaks-search");
        await page.ClickAsync("#peaks a:has-text('Ama Dablam')");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/peaks/edit/ama-dablam$"));
        await page.FillAsync("#Form_NewAlias", NewAlias);
        await page.ClickAsync("#save-rebuild");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Prototypes rebuilt");
        await Expect(page.Locator("#Form_Names")).ToHaveValueAsync(new Regex("en: " + NewAlias));
        await BrowserFixture.ScreenshotAsync(page, "admin-peak-edit");

        await page.GotoAsync("/ui?q=" + Uri.EscapeDataString(NewAlias));
        await Expect(page.Locator("#status")).ToContainTextAsync("searched as Ama Dablam");
        await Expect(page.Locator("#grid .tile img").First).ToHaveAttributeAsync("alt", new Regex("red"));
    }

    [SkippableFact]
    public async Task Status_ShowsModelAndTheIndexBehindThePhotosAlias()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync("/admin");
        await Expect(page.Locator("#model-state")).ToHaveTextAsync("Ready");
        await Expect(page.Locator("#photos-target")).ToHaveTextAsync(new Regex("^photos-"));
        await Expect(page.Locator("#indices")).ToContainTextAsync("peaks_catalog");
        await BrowserFixture.ScreenshotAsync(page, "admin-status");
        await page.GotoAsync("/admin/peaks/photos/pumori");
        await Expect(page.Locator("#predicted figure")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "admin-peak-photos");
    }

    [SkippableFact]
    public async Task Status_ModelExport_SwitchesToInt8_AndOffersTheReindex()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync("/admin");
        await Expect(page.Locator("#variant-fp32")).ToBeCheckedAsync();
        await Expect(page.Locator("#variant-form")).ToContainTextAsync("int8");

        await page.CheckAsync("#variant-int8");
        await page.ClickAsync("#variant-switch-button");

        await Expect(page.Locator("#variant-switch")).ToContainTextAsync("Switched from fp32 to int8", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Expect(page.Locator("#reindex-after-switch")).ToBeVisibleAsync();
        await Expect(page.Locator("#variant-int8")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-model-export");
        var health = await context.APIRequest.GetAsync("/_gateway/health");
        Assert.Equal("int8", (await health.JsonAsync())?.GetProperty("model").GetProperty("variant").GetString());

        // Back to fp32, as the other tests of the shared gateway expect.
        await page.CheckAsync("#variant-fp32");
        await page.ClickAsync("#variant-switch-button");
        await Expect(page.Locator("#variant-switch")).ToContainTextAsync("Switched from int8 to fp32", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
    }

    [SkippableFact]
    public async Task Albums_StartAScanAndFollowItToTheEnd()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync("/admin/albums");
        await Expect(page.Locator("#albums")).ToContainTextAsync("trek");
        await page.ClickAsync("#albums button:has-text('Incremental scan')");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Started incremental-scan of trek");
        var row = page.Locator("#jobs tbody tr", new PageLocatorOptions { HasText = "incremental-scan" }).First;
        await Expect(row.Locator(".pill")).ToHaveTextAsync("succeeded", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync($"{fixture.Indexed} / {fixture.Indexed}");
        await BrowserFixture.ScreenshotAsync(page, "admin-albums");

        var dashboard = await page.GotoAsync("/jobs");
        Assert.Equal(200, dashboard!.Status);
        await Expect(page.Locator("body")).ToContainTextAsync("Gateway jobs");
    }

    [SkippableFact]
    public async Task CreatingAPeak_ValidatesCoordinates()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync("/admin/peaks/edit");
        await page.FillAsync("#Form_Id", "test-peak");
        await page.FillAsync("#Form_Names", "en: Test Peak\nja: テスト峰");
        await page.EvaluateAsync("() => document.querySelectorAll('input[type=number]').forEach(i => { i.removeAttribute('min'); i.removeAttribute('max'); })");
        await page.FillAsync("#Form_Latitude", "95");
        await page.FillAsync("#Form_Longitude", "86.8");
        await page.FillAsync("#Form_ElevationM", "5000");
        await page.ClickAsync("button[name=rebuild][value=false]");
        await Expect(page.Locator(".field-validation-error[data-valmsg-for='Form.Latitude']")).ToContainTextAsync("Latitude must be between -90 and 90");

        await page.FillAsync("#Form_Latitude", "27.9");
        await page.ClickAsync("button[name=rebuild][value=false]");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/peaks/edit/test-peak$"));
        await Expect(page.Locator("#Form_Names")).ToHaveValueAsync(new Regex("ja: テスト峰"));

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("button.danger:has-text('Delete peak')");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/peaks$"));
        await Expect(page.Locator("#peaks")).Not.ToContainTextAsync("Test Peak");
    }

    [SkippableFact]
    public async Task ThisIsAPeak_InTheDetailView_ShowsOnThePeaksAdminPage()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        // Anonymous visitors get the detail view without the admin's buttons.
        await OpenYellowDetailAsync(page);
        await Expect(page.Locator("#detail .detail-actions")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail [data-mark]")).ToHaveCountAsync(0);

        await SignInAsync(page);
        await OpenYellowDetailAsync(page);
        var row = page.Locator("#detail .mark-row[data-mark-peak='kangtega']");
        await row.Locator("[data-mark=reference]").ClickAsync();
        await Expect(row.Locator("[data-mark-status]")).ToContainTextAsync("Reference photo of Kangtega; prototype rebuilt.");
        await Expect(row.Locator("[data-mark=reference]")).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserFixture.ScreenshotAsync(page, "ui-detail-reference");

        await page.GotoAsync("/admin/peaks/edit/kangtega");
        var figure = page.Locator("#album-references figure[data-path='day4/camp-yellow.jpg']");
        await Expect(figure).ToContainTextAsync("blended in");
        await Expect(figure.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await figure.Locator("img").EvaluateAsync<int>("i => i.naturalWidth") > 0);
        await BrowserFixture.ScreenshotAsync(page, "admin-peak-album-references");

        // Remove puts the peak back as it was for the other tests of the shared host.
        await figure.Locator("button:has-text('Remove')").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Removed day4/camp-yellow.jpg. Prototype rebuilt.");
        await Expect(page.Locator("#album-references figure")).ToHaveCountAsync(0);
    }

    private static async Task OpenYellowDetailAsync(IPage page)
    {
        // Yellow, because the real photos' blue skies compete with the blue test photos.
        await page.GotoAsync("/ui?q=yellow");
        await Expect(page.Locator("#grid .tile img").First).ToHaveAttributeAsync("alt", new Regex("camp-yellow"));
        await page.Locator("#grid .tile-open").First.ClickAsync();
        await Expect(page.Locator("#detail")).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/admin/signin");
        await page.FillAsync("input[type=password]", GatewayServer.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
    }
}
