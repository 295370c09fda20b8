using System.Net;
using Gateway.TestModels;
using Gateway.TestSupport;

namespace Gateway.Acceptance.Tests;

/// <summary>
/// A newcomer's first run, exactly as shipped: the README's run command from the repository root, then nothing but HTTP
/// (and a browser). Only the port, the data folder and the model folder (the generated test model) are set.
/// </summary>
[Collection(AcceptanceCollection.Name)]
public sealed class FirstRunTests
{
    [SkippableFact]
    public async Task ReadmeRunCommand_FromStartToSearchingAnAlbum()
    {
        var ebc = AcceptancePaths.EbcPhotos;
        Skip.If(ebc is null, "../shared/photos/ebc is not next to the repository");
        using var temp = new TempDirectory();
        var model = TestModelFactory.WriteTo(temp.Combine("model"));
        await using var gateway = await ShippedGateway.RunProjectAsync(AcceptancePaths.RepositoryRoot, temp.Combine("data"), model.Directory);

        var health = await gateway.GetJsonAsync("/_gateway/health");
        Assert.Equal("embedded", health["upstream"]!["mode"]!.GetValue<string>());

        // The first run asks for the admin password, on this machine's browser.
        await gateway.SetUpAdminAsync();

        // The catalog is built by itself once the model is ready, from the shipped file.
        await gateway.WaitForCatalogAsync();
        var peaksPage = await gateway.Http.GetStringAsync("/admin/peaks");
        Assert.NotEmpty(ShippedCatalog.PeakIds);
        Assert.All(ShippedCatalog.PeakIds, id => Assert.Contains($"data-peak=\"{id}\"", peaksPage, StringComparison.Ordinal));

        // An album added through the API is scanned at once.
        var scan = await gateway.AddAlbumAndWaitAsync("ebc", ebc);
        var photos = Directory.EnumerateFiles(ebc, "*", SearchOption.AllDirectories)
            .Count(f => Path.GetExtension(f).ToUpperInvariant() is ".JPG" or ".JPEG" or ".HEIC" or ".HEIF" or ".PNG");
        Assert.Equal(photos, scan["done"]!.GetValue<int>());
        Assert.Equal(0, scan["failed"]!.GetValue<int>());

        var text = await gateway.SearchAsync(new { query_text = "mountain at sunrise", size = 5 });
        Assert.Equal(5, text.Hits().Count);

        var image = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(ebc, "IMG_1536 Copy.JPG")));
        var similar = await gateway.SearchAsync(new { query_image = new { base64 = image }, size = 5 });
        Assert.Equal(5, similar.Hits().Count);
        Assert.NotNull(similar["_gateway"]);

        var kalaPatthar = await gateway.SearchAsync(new { query = new { term = new { path = "IMG_2802.HEIC" } } });
        var inFrame = kalaPatthar.Hits().Single()!["_source"]!["peaks_in_frame"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("everest", inFrame);

        Skip.IfNot(PageCheck.Available, "/usr/bin/chromium is not installed (the HTTP checks above passed)");
        await using var browser = await PageCheck.StartAsync();
        var (ui, uiProblems) = await browser.LoadAsync(gateway.Address, "/ui", "acceptance-ui");
        Assert.Empty(uiProblems);
        Assert.DoesNotContain("No album yet", ui, StringComparison.Ordinal);
        var (admin, adminProblems) = await browser.LoadAsync(gateway.Address, "/admin/peaks", "acceptance-admin-peaks", gateway.Cookies);
        Assert.Empty(adminProblems);
        Assert.Contains("Ama Dablam", admin, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task BuildOutput_StartedFromAnotherDirectory_FindsWhatItShipsAndWritesOnlyToTheDataFolder()
    {
        using var temp = new TempDirectory();
        var model = TestModelFactory.WriteTo(temp.Combine("model"));
        var elsewhere = Directory.CreateDirectory(temp.Combine("elsewhere")).FullName;
        await using var gateway = await ShippedGateway.RunBuildOutputAsync(elsewhere, temp.Combine("data"), model.Directory);
        await gateway.SetUpAdminAsync();

        foreach (var asset in new[] { "/_ui/site.css", "/_ui/js/search.js" })
        {
            using var response = await gateway.Http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
        }

        await gateway.WaitForCatalogAsync();
        var peaksPage = await gateway.Http.GetStringAsync("/admin/peaks");
        Assert.All(ShippedCatalog.PeakIds, id => Assert.Contains($"data-peak=\"{id}\"", peaksPage, StringComparison.Ordinal));

        // Everything written went to the data folder: the working directory stays empty.
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        Assert.True(File.Exists(Path.Combine(temp.Combine("data"), "peaks.yaml")), "the editable catalog was not seeded in the data folder");
        Assert.True(Directory.Exists(Path.Combine(temp.Combine("data"), "embedded-store")), "the embedded store is not in the data folder");
        Assert.True(File.Exists(Path.Combine(temp.Combine("data"), "admin-password")), "the admin password was not stored in the data folder");
        Assert.Contains(temp.Combine("data"), gateway.Output, StringComparison.Ordinal);

        Skip.IfNot(PageCheck.Available, "/usr/bin/chromium is not installed (the HTTP checks above passed)");
        await using var browser = await PageCheck.StartAsync();
        var (ui, problems) = await browser.LoadAsync(gateway.Address, "/ui", "acceptance-build-output-ui");
        Assert.Empty(problems);
        Assert.Contains("No album yet", ui, StringComparison.Ordinal);
    }
}
