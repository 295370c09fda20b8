using System.Text.RegularExpressions;
using Gateway.TestModels;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gateway.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class SearchPageTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task SearchPage_ShowsEveryPhotoWithFacetAndMap()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync("/ui");
        await Expect(page.Locator("#status")).ToContainTextAsync($"{fixture.Indexed} photos");
        await Expect(page.Locator("#grid .tile")).ToHaveCountAsync(fixture.Indexed);
        await Expect(page.Locator("#peak-facet")).ToContainTextAsync("Ama Dablam");
        await Expect(page.Locator("#map .map-peak")).ToHaveCountAsync(4);
        Assert.True(await page.Locator("#map .map-point").CountAsync() >= TestAlbum.Photos.Length);
        await Expect(page.Locator("#grid .tile:has(img[alt=\"day4/camp-yellow.jpg\"]) time")).ToContainTextAsync(LocalTime());
        await BrowserFixture.ScreenshotAsync(page, "ui-all");
    }

    [SkippableFact]
    public async Task TextSearch_FillsGridWithTheRedPhotosFirst()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync("/ui");
        await page.FillAsync("#q", "red");
        await page.PressAsync("#q", "Enter");
        var tiles = page.Locator("#grid .tile img");
        await Expect(tiles.Nth(0)).ToHaveAttributeAsync("alt", Red());
        await Expect(tiles.Nth(1)).ToHaveAttributeAsync("alt", Red());
        await Expect(page.Locator("#grid .tile .score").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "ui-text-red");
    }

    [SkippableFact]
    public async Task FacetClick_NarrowsResultsToThatPeak()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync("/ui");
        await Expect(page.Locator("#grid .tile")).ToHaveCountAsync(fixture.Indexed);
        await page.Locator("#peak-facet label", new PageLocatorOptions { HasText = "Pumori" }).ClickAsync();
        var tiles = page.Locator("#grid .tile img");
        await Expect(tiles).ToHaveCountAsync(2);
        foreach (var alt in await tiles.EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.alt)"))
        {
            Assert.Contains("blue", alt, StringComparison.Ordinal);
        }

        await Expect(page.Locator("#chips")).ToContainTextAsync("Pumori");
        await Expect(page.Locator("#peak-facet")).ToContainTextAsync("Ama Dablam");
        await BrowserFixture.ScreenshotAsync(page, "ui-facet-pumori");
    }

    [SkippableFact]
    public async Task ImageUpload_ShowsIdentifiedPeakAndItsPhotos()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync("/ui");
        await page.SetInputFilesAsync("#image-input", new FilePayload
        {
            Name = "my-photo.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.SolidJpeg(TestColor.Named("red"), 200, 150),
        });
        await Expect(page.Locator("[data-identified]")).ToHaveAttributeAsync("data-identified", "ama-dablam");
        await Expect(page.Locator("#identify")).ToContainTextAsync("confidence");
        await Expect(page.Locator("#grid .tile img").First).ToHaveAttributeAsync("alt", Red());
        await BrowserFixture.ScreenshotAsync(page, "ui-identify");
    }

    [SkippableFact]
    public async Task Detail_ShowsPreviewMetadataAndMoreLikeThis()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        // Yellow, because the real photos' blue skies compete with the blue test photos.
        var page = await OpenAsync("/ui?q=yellow");
        await Expect(page.Locator("#grid .tile img").First).ToHaveAttributeAsync("alt", new Regex("yellow"));
        await page.Locator("#grid .tile-open").First.ClickAsync();
        var dialog = page.Locator("#detail");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("+05:45");
        await Expect(dialog.Locator("a[download]")).ToHaveAttributeAsync("href", new Regex("/original$"));
        await Expect(dialog.Locator("#detail-img")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await dialog.Locator("#detail-img").EvaluateAsync<int>("i => i.naturalWidth") > 0);
        await BrowserFixture.ScreenshotAsync(page, "ui-detail");
        await dialog.Locator("[data-more]").ClickAsync();
        await Expect(page.Locator("#chips")).ToContainTextAsync("Like camp-yellow.jpg");
        await Expect(page.Locator("#grid .tile img").First).ToHaveAttributeAsync("alt", new Regex("yellow"));
    }

    [SkippableFact]
    public async Task Thumbnails_AreJpegsForEveryPhotoIncludingHeic()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync("/ui");
        await Expect(page.Locator("#grid .tile")).ToHaveCountAsync(fixture.Indexed);
        var ids = await page.Locator("#grid .tile img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.dataset.id)");
        foreach (var id in ids)
        {
            var response = await page.APIRequest.GetAsync($"/_ui/photos/{Uri.EscapeDataString(id)}/thumb");
            Assert.Equal(200, response.Status);
            Assert.Equal("image/jpeg", response.Headers["content-type"]);
            var body = await response.BodyAsync();
            Assert.True(body.Length > 100 && body[0] == 0xFF && body[1] == 0xD8, $"thumbnail of {id} is not a JPEG");
        }

        var missing = await page.APIRequest.GetAsync("/_ui/photos/no-such-photo/thumb");
        Assert.Equal(404, missing.Status);
        Assert.Contains("resource_not_found_exception", await missing.TextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MapDrag_FiltersByArea()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync("/ui");
        await Expect(page.Locator("#grid .tile")).ToHaveCountAsync(fixture.Indexed);

        // Drag a box around the two day-3 (blue) photos, north of everything else.
        var box = await page.EvaluateAsync<double[]>(@"() => {
            const svg = document.querySelector('#map svg'); const r = svg.getBoundingClientRect();
            const pts = [...svg.querySelectorAll('.map-point')].map(c => c.getBoundingClientRect()).map(b => [b.x + b.width / 2, b.y + b.height / 2]);
            const top = Math.min(...pts.map(p => p[1]));
            return [r.left + 2, top - 6, r.right - 2, top + (r.height * 0.16)];
        }");
        await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[2], (float)box[3], new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await Expect(page.Locator("#chips")).ToContainTextAsync("Area");

        // The chip shows at once; the grid follows when the filtered search answers.
        await page.WaitForFunctionAsync("n => { const t = document.querySelectorAll('#grid .tile'); return t.length > 0 && t.length < n; }", fixture.Indexed);
        var alts = await page.Locator("#grid .tile img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.alt)");
        Assert.NotEmpty(alts);
        Assert.True(alts.Length < fixture.Indexed, "the box must exclude some photos");
        Assert.Contains(alts, a => a.Contains("gorakshep", StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "ui-map-box");
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    // camp-yellow was taken at 06:55 local time (+05:45), 01:10 UTC: the grid shows the photo's own time.
    private static Regex LocalTime() => new("06:55");

    private static Regex Red() => RedPattern();

    [GeneratedRegex("red")]
    private static partial Regex RedPattern();
}
