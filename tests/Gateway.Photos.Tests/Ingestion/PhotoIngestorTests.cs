using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Photos.Ingestion;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Photos.Tests.Ingestion;

public sealed class PhotoIngestorTests(UpstreamFixture fixture) : IClassFixture<UpstreamFixture>
{
    [Fact]
    public async Task IndexAlbum_CountsStableIdsNoDuplicatesAndDeletions()
    {
        var h = new IngestionHarness(fixture, "counts");
        await h.BuildCatalogAsync();
        h.Write("red.jpg", IngestionHarness.Colour("red"));
        h.Write("Sub Folder/BLUE.JPEG", IngestionHarness.Colour("blue"));
        h.Write("Sub Folder/日本 – green.jpg", IngestionHarness.Colour("green"));
        h.Write("yellow.JPG", IngestionHarness.Colour("yellow"));
        h.Write("broken/zero_bytes.jpg", []);
        h.Write("broken/not-an-image.png", "this is not a PNG"u8.ToArray());
        h.Write(".hidden/black.jpg", IngestionHarness.Colour("black"));
        h.Write("notes.txt", "x"u8.ToArray());

        var first = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;
        var docs = await h.DocumentsAsync();

        Assert.Equal((6, 4, 0, 0), (first.Total, first.Indexed, first.Unchanged, first.Deleted));
        Assert.Equal(["broken/not-an-image.png", "broken/zero_bytes.jpg"], first.Failures.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(first.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal(["Sub Folder/BLUE.JPEG", "Sub Folder/日本 – green.jpg", "red.jpg", "yellow.JPG"], docs.Select(d => d["_source"]!["path"]!.GetValue<string>()));
        Assert.All(docs, d => Assert.Equal(PhotoId.For("ebc", d["_source"]!["path"]!.GetValue<string>()), d["_id"]!.GetValue<string>()));

        var second = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;

        Assert.Equal((6, 0, 4, 0), (second.Total, second.Indexed, second.Unchanged, second.Deleted));
        Assert.Equal(docs.Select(d => d["_id"]!.ToString()), (await h.DocumentsAsync()).Select(d => d["_id"]!.ToString()));

        File.Delete(Path.Combine(h.AlbumRoot, "yellow.JPG"));
        File.SetLastWriteTimeUtc(Path.Combine(h.AlbumRoot, "red.jpg"), new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        h.Write("Sub Folder/BLUE.JPEG", IngestionHarness.Colour("white"));
        var third = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;
        var after = await h.DocumentsAsync();

        Assert.Equal((5, 1, 1, 1), (third.Total, third.Indexed, third.Unchanged, third.Deleted));
        Assert.Equal(3, after.Count);
        var red = after.Single(d => d["_source"]!["path"]!.GetValue<string>() == "red.jpg");
        Assert.StartsWith("2024-01-02T03:04:05", red["_source"]!["mtime"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexAlbum_ColourQueryFindsPhotoAndPredictsPeakByVision()
    {
        var h = new IngestionHarness(fixture, "colour");
        await h.BuildCatalogAsync();
        foreach (var colour in new[] { "red", "green", "blue" })
        {
            h.Write(colour + ".jpg", IngestionHarness.Colour(colour));
        }

        _ = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;
        var query = (await fixture.Prompts.EmbedQueryAsync("red")).Value;
        var knn = new JsonObject
        {
            ["knn"] = new JsonObject
            {
                ["field"] = "clip_image",
                ["query_vector"] = new JsonArray(query.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
                ["k"] = 1,
                ["num_candidates"] = 10,
            },
        };
        var hits = await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.POST, $"/{h.Options.Alias}/_search", knn.ToJsonString());
        var docs = await h.DocumentsAsync();

        Assert.Equal("red.jpg", hits!["hits"]!["hits"]![0]!["_source"]!["path"]!.GetValue<string>());
        Assert.Equal(["red-peak"], Predicted(docs, "red.jpg"));
        Assert.Equal(["blue-peak"], Predicted(docs, "blue.jpg"));
        Assert.Equal("vision", docs[0]["_source"]!["prediction_rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task FullReindex_WritesNewIndexAndSwapsAliasAtomically()
    {
        var h = new IngestionHarness(fixture, "swap");
        await h.BuildCatalogAsync();
        h.Write("red.jpg", IngestionHarness.Colour("red"));
        h.Write("blue.jpg", IngestionHarness.Colour("blue"));
        _ = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;
        var before = await h.AliasTargetsAsync();

        var result = (await h.Ingestor.FullReindexAsync()).Value;
        var after = await h.AliasTargetsAsync();

        Assert.Single(before);
        Assert.Equal([result.Index], after);
        Assert.NotEqual(before[0], result.Index);
        Assert.StartsWith(h.Options.Alias + "-v", result.Index, StringComparison.Ordinal);
        Assert.False(await fixture.Upstream.ExistsAsync(before[0]));
        Assert.Equal(2, result.Indexed);
        Assert.Equal(2, (await h.DocumentsAsync()).Count);
    }

    [Fact]
    public async Task IndexAlbum_AliasNameTakenByPlainIndex_AnswersTheFailure()
    {
        var h = new IngestionHarness(fixture, "plain");
        h.Write("red.jpg", IngestionHarness.Colour("red"));
        await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.PUT, "/" + h.Options.Alias, "{}");

        var result = await h.Ingestor.IndexAlbumAsync("ebc");

        Assert.False(result.Succeeded);
        Assert.Equal($"'{h.Options.Alias}' is a plain index, not an alias: run a full reindex after deleting or renaming it", result.Failure);
    }

    [Fact]
    public async Task IndexAlbum_IndexesEveryFormatTheDecoderReads()
    {
        var h = new IngestionHarness(fixture, "formats");
        foreach (var (name, format) in new[] { ("scan.TIF", ImageMagick.MagickFormat.Tiff), ("old.bmp", ImageMagick.MagickFormat.Bmp3), ("anim.gif", ImageMagick.MagickFormat.Gif) })
        {
            using var image = new ImageMagick.MagickImage(new ImageMagick.MagickColor("#2050d0"), 96, 64);
            h.Write(name, image.ToByteArray(format));
        }

        var result = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;

        Assert.Empty(result.Failures);
        Assert.Equal((3, 3), (result.Total, result.Indexed));
        Assert.Equal(["anim.gif", "old.bmp", "scan.TIF"], (await h.DocumentsAsync()).Select(d => d["_source"]!["path"]!.GetValue<string>()));
    }

    [Fact]
    public async Task IndexAlbum_ModelGoesAwayMidRun_StopsWithTheReasonAndTheNextRunGoesOn()
    {
        var gone = new IngestionHarness(fixture, "gone", embeddings: new ModelThatGoesAway(fixture.Embeddings, images: 2));
        string[] colours = ["red", "blue", "green", "yellow", "white", "black", "red", "blue"];
        for (var i = 0; i < colours.Length; i++)
        {
            gone.Write($"{i}.jpg", IngestionHarness.Colour(colours[i]));
        }

        var stopped = await gone.Ingestor.IndexAlbumAsync("ebc");

        // One failure for the run, naming the model's reason, instead of six files failed and a run that "succeeded".
        Assert.False(stopped.Succeeded);
        Assert.StartsWith("the embedding model is unavailable: the model folder /models/siglip2 is gone", stopped.Failure, StringComparison.Ordinal);
        Assert.Contains("run the scan again when the model is back", stopped.Failure, StringComparison.Ordinal);
        var kept = await gone.DocumentsAsync();
        Assert.InRange(kept.Count, 0, 2);

        var back = new IngestionHarness(fixture, "gone");
        var resumed = (await back.Ingestor.IndexAlbumAsync("ebc")).Value;

        Assert.Equal((8, 8 - kept.Count, kept.Count), (resumed.Total, resumed.Indexed, resumed.Unchanged));
        Assert.Empty(resumed.Failures);
        Assert.Equal(8, (await back.DocumentsAsync()).Count);
    }

    [Fact]
    public async Task FullReindex_Cancelled_LeavesAliasAndDropsHalfBuiltIndex()
    {
        var h = new IngestionHarness(fixture, "cancel");
        h.Write("red.jpg", IngestionHarness.Colour("red"));
        _ = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;
        var before = await h.AliasTargetsAsync();
        for (var i = 0; i < 20; i++)
        {
            h.Write($"more/{i}.jpg", IngestionHarness.Colour(i % 2 == 0 ? "green" : "blue"));
        }

        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Phase == "indexing")
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Ingestor.FullReindexAsync(progress, cts.Token));

        Assert.Equal(before, await h.AliasTargetsAsync());
        var indices = await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.GET, $"/{h.Options.Alias}-v*/_mapping");
        Assert.Equal(before, indices!.AsObject().Select(kv => kv.Key));
    }

    [SkippableFact]
    public async Task IndexAlbum_RealTrekPhotos_StoreExifAndGeometry()
    {
        var dir = SharedData.RequirePhotos("ebc");
        var manifest = SharedData.ReadManifest(Path.Combine(dir, "MANIFEST.tsv"));
        var h = new IngestionHarness(fixture, "ebc");
        await h.BuildCatalogAsync();
        h.CopyShared("ebc/IMG_2802.HEIC", "day 9/IMG_2802.HEIC");
        h.CopyShared("ebc/IMG_1536 Copy.JPG", "day 1/IMG_1536 Copy.JPG");
        h.CopyShared("misc/broken/zero_bytes.jpg", "broken/zero_bytes.jpg");

        var result = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;
        var docs = await h.DocumentsAsync();

        Assert.Equal(2, result.Indexed);
        Assert.Equal(["broken/zero_bytes.jpg"], result.Failures.Select(f => f.Path));
        foreach (var doc in docs)
        {
            var source = doc["_source"]!;
            var row = manifest[Path.GetFileName(source["path"]!.GetValue<string>())];
            Assert.Equal(double.Parse(row["gps_lat"], CultureInfo.InvariantCulture), source["gps"]!["lat"]!.GetValue<double>(), 6);
            Assert.Equal(double.Parse(row["gps_lon"], CultureInfo.InvariantCulture), source["gps"]!["lon"]!.GetValue<double>(), 6);
            Assert.Equal(double.Parse(row["gps_alt_m"], CultureInfo.InvariantCulture), source["altitude_m"]!.GetValue<double>(), 1);
            Assert.Equal(double.Parse(row["img_direction_deg"], CultureInfo.InvariantCulture), source["direction_deg"]!.GetValue<double>(), 1);
            Assert.Equal(double.Parse(row["focal_35mm"], CultureInfo.InvariantCulture), source["focal_35mm"]!.GetValue<double>());
            Assert.Equal(row["model"], source["camera_model"]!.GetValue<string>());
            Assert.Equal(int.Parse(row["width"], CultureInfo.InvariantCulture), source["width"]!.GetValue<int>());
            Assert.Equal("exif_offset", source["shot_time_source"]!.GetValue<string>());
            Assert.Equal("field_of_view", source["prediction_rule"]!.GetValue<string>());
        }

        var kalaPatthar = docs.Single(d => d["_source"]!["path"]!.GetValue<string>() == "day 9/IMG_2802.HEIC")["_source"]!;
        // 2023:11:03 13:10:07 at +05:45 is 07:25:07 UTC.
        Assert.StartsWith("2023-11-03T07:25:07", kalaPatthar["shot_time"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("everest", kalaPatthar["peaks_in_frame"]![0]!["id"]!.GetValue<string>());
        var predicted = (kalaPatthar["predicted_peaks"] as JsonArray)!.Select(p => p!.GetValue<string>()).ToList();
        Assert.All(predicted, p => Assert.Equal("everest", p));
    }

    private static List<string> Predicted(List<JsonNode> docs, string path) =>
        (docs.Single(d => d["_source"]!["path"]!.GetValue<string>() == path)["_source"]!["predicted_peaks"] as JsonArray)!
            .Select(p => p!.GetValue<string>()).ToList();

    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
