using System.Net;
using Gateway.TestModels;
using Gateway.TestSupport;

namespace Gateway.Acceptance.Tests;

/// <summary>What a user sets up through the admin and the API outlives a restart of the product.</summary>
[Collection(AcceptanceCollection.Name)]
public sealed class RestartTests
{
    private const string Alias = "Acceptance Alias Of Ama Dablam";

    [SkippableFact]
    public async Task Restart_KeepsAlbumsSchedulesAndCatalogEdits()
    {
        Skip.IfNot(PageCheck.Available, "/usr/bin/chromium is not installed (the catalog is edited through the admin page)");
        using var temp = new TempDirectory();
        var model = TestModelFactory.WriteTo(temp.Combine("model"));
        var photos = Directory.CreateDirectory(temp.Combine("photos")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(photos, "red.jpg"), TestImages.SolidJpeg(TestColor.All[0]));
        var data = temp.Combine("data");
        var workingDirectory = Directory.CreateDirectory(temp.Combine("cwd")).FullName;

        await using (var first = await ShippedGateway.RunBuildOutputAsync(workingDirectory, data, model.Directory))
        {
            await first.SetUpAdminAsync();
            await first.WaitForCatalogAsync();
            await first.AddAlbumAndWaitAsync("trip", photos);

            // The albums API refuses what cannot work, in Elasticsearch's error shape.
            var (missing, missingBody) = await first.SendJsonAsync(HttpMethod.Post, "/_gateway/albums", new { name = "nowhere", folder = temp.Combine("nowhere") });
            Assert.Equal(HttpStatusCode.BadRequest, missing);
            Assert.Equal("illegal_argument_exception", missingBody!["error"]!["type"]!.GetValue<string>());
            var (duplicate, _) = await first.SendJsonAsync(HttpMethod.Post, "/_gateway/albums", new { name = "trip", folder = photos });
            Assert.Equal(HttpStatusCode.Conflict, duplicate);
            var (inData, _) = await first.SendJsonAsync(HttpMethod.Post, "/_gateway/albums", new { name = "data", folder = data });
            Assert.Equal(HttpStatusCode.BadRequest, inData);

            // A second album added and removed again takes its documents with it.
            var other = Directory.CreateDirectory(temp.Combine("other")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(other, "blue.jpg"), TestImages.SolidJpeg(TestColor.All[^1]));
            await first.AddAlbumAndWaitAsync("other", other);
            var (removed, removedBody) = await first.SendJsonAsync(HttpMethod.Delete, "/_gateway/albums/other");
            Assert.Equal(HttpStatusCode.OK, removed);
            Assert.Equal(1, removedBody!["deleted_documents"]!.GetValue<int>());

            var (badCron, _) = await first.SendJsonAsync(HttpMethod.Put, "/_gateway/schedules/nightly", new { job = "incremental-scan", album = "trip", cron = "every night" });
            Assert.Equal(HttpStatusCode.BadRequest, badCron);
            var (saved, savedBody) = await first.SendJsonAsync(HttpMethod.Put, "/_gateway/schedules/nightly", new { job = "incremental-scan", album = "trip", cron = "0 3 * * *" });
            Assert.True(saved == HttpStatusCode.OK, savedBody?.ToJsonString());
            Assert.NotNull(savedBody!["next_run"]);
            var (gone, _) = await first.SendJsonAsync(HttpMethod.Put, "/_gateway/schedules/weekly", new { job = "catalog-rebuild", cron = "0 4 * * 0" });
            Assert.Equal(HttpStatusCode.OK, gone);
            var (deleted, _) = await first.SendJsonAsync(HttpMethod.Delete, "/_gateway/schedules/weekly");
            Assert.Equal(HttpStatusCode.OK, deleted);

            await using var browser = await PageCheck.StartAsync();
            await browser.AddAliasAsync(first.Address, first.Cookies, "ama-dablam", Alias);
            Assert.Contains(Alias, await first.Http.GetStringAsync("/admin/peaks/edit/ama-dablam"), StringComparison.Ordinal);
            await first.StopAsync();
        }

        // The shipped catalog was never rewritten: the edit went to the data folder's copy.
        Assert.DoesNotContain(Alias, await File.ReadAllTextAsync(Path.Combine(AcceptancePaths.BuildOutput, "config", "peaks.yaml")), StringComparison.Ordinal);

        // The admin outlives the restart too: setup is gone, the same password signs in.
        await using var second = await ShippedGateway.RunBuildOutputAsync(workingDirectory, data, model.Directory);
        await second.SignInAsync();
        var albums = (await second.GetJsonAsync("/_gateway/albums"))["albums"]!.AsArray();
        Assert.Equal(["trip"], albums.Select(a => a!["name"]!.GetValue<string>()));
        var schedules = (await second.GetJsonAsync("/_gateway/schedules"))["schedules"]!.AsArray();
        Assert.Equal(["nightly"], schedules.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Contains(Alias, await second.Http.GetStringAsync("/admin/peaks/edit/ama-dablam"), StringComparison.Ordinal);
        var hits = (await second.SearchAsync(new { query = new { match_all = new { } } })).Hits();
        Assert.Equal(["trip"], hits.Select(h => h!["_source"]!["album"]!.GetValue<string>()));
    }
}
