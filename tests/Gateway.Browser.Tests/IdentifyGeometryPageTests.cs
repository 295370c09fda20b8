using Gateway.TestModels;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gateway.Browser.Tests;

/// <summary>The search page's identification with geometry (rule, peaks in frame, unknown) and its viewpoint filter.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IdentifyGeometryPageTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task ImageUpload_WithGps_ShowsTheRuleAndThePeaksInFrame()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync();
        var jpeg = ExifJpeg.With(TestImages.SolidJpeg(TestColor.Named("red"), 200, 150), 27.86, 86.79, new DateTime(2023, 10, 27, 15, 30, 0, DateTimeKind.Unspecified), TestAlbum.Offset);
        await page.SetInputFilesAsync("#image-input", new FilePayload { Name = "ama-view.jpg", MimeType = "image/jpeg", Buffer = jpeg });

        await Expect(page.Locator("[data-identified]")).ToHaveAttributeAsync("data-identified", "ama-dablam");
        await Expect(page.Locator("[data-rule]")).ToHaveAttributeAsync("data-rule", "range");
        await Expect(page.Locator("#peaks-in-frame li[data-peak=\"ama-dablam\"]")).ToContainTextAsync("7.0 km");
        await BrowserFixture.ScreenshotAsync(page, "ui-identify-geometry");
    }

    [SkippableFact]
    public async Task ImageUpload_FacingNoCatalogPeak_SaysUnknown()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        Skip.If(TestPaths.SharedPhotos is null, "../shared/photos/ebc is absent");
        var page = await OpenAsync();

        // From Kala Patthar facing Everest: none of the test catalog's four peaks is in the frame.
        await page.SetInputFilesAsync("#image-input", Path.Combine(TestPaths.SharedPhotos!, "IMG_2802.HEIC"));

        // A 12-megapixel HEIC decodes in seconds on a loaded machine: wait for the answer longer than the default 5 s.
        await Expect(page.Locator("[data-unknown]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-rule]")).ToHaveAttributeAsync("data-rule", "field_of_view");
        await Expect(page.Locator("#identify")).ToContainTextAsync("No catalog peak is in this photo's frame");
        await Expect(page.Locator("[data-identified]")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "ui-identify-unknown");
    }

    [SkippableFact]
    public async Task Viewpoint_KeepsPhotosWithThePeakInFrameByDistanceAndSide()
    {
        Skip.IfNot(BrowserFixture.Available, "/usr/bin/chromium is not installed");
        var page = await OpenAsync();
        await Expect(page.Locator("#grid .tile")).ToHaveCountAsync(fixture.Indexed);

        // Ama Dablam within 8 km: ama-view-red (7.0 km, west of it), dingboche-green (4.5 km) and camp-yellow (7.7 km), both north-west.
        await page.FillAsync("#vp-km", "8");
        await page.SelectOptionAsync("#vp-peak", "ama-dablam");
        var tiles = page.Locator("#grid .tile img");
        await Expect(tiles).ToHaveCountAsync(3);
        await Expect(page.Locator("#chips")).ToContainTextAsync("Ama Dablam in frame · ≤ 8 km");

        await page.SelectOptionAsync("#vp-side", "W");
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(tiles.First).ToHaveAttributeAsync("alt", "day1/ama-view-red.jpg");
        await BrowserFixture.ScreenshotAsync(page, "ui-viewpoint");
    }

    private async Task<IPage> OpenAsync()
    {
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ui");
        return page;
    }
}
