using System.Net;
using System.Net.Http.Headers;
using Gateway.TestModels;
using Gateway.TestSupport;
using Xunit.Abstractions;

namespace Gateway.Acceptance.Tests;

/// <summary>Large images cost the product memory in proportion to what it needs from them, not to their pixel count.</summary>
[Collection(AcceptanceCollection.Name)]
public sealed class MemoryTests(ITestOutputHelper output)
{
    /// <summary>A 14000 × 14000 PNG (under 1 MB as a file; 784 MB as RGBA, under the 200 MP cap) identified, indexed,
    /// thumbnailed and previewed: the product's peak resident memory grows by far less than one full-size decode.
    /// Before PNGs were shrunk while decoding, the thumbnail alone took the process to 1.0 GB and the preview to 1.85 GB.</summary>
    [SkippableFact]
    public async Task HugePng_IdentifiedIndexedAndPreviewed_PeakWorkingSetStaysFarBelowItsFullSize()
    {
        Skip.IfNot(File.Exists("/proc/self/status"), "peak working set is read from /proc (Linux)");
        using var temp = new TempDirectory();
        var model = TestModelFactory.WriteTo(temp.Combine("model"));
        var album = Directory.CreateDirectory(temp.Combine("album")).FullName;
        var png = PngTestWriter.Write(14000, 14000, 0, 8, (x, y, _) => ((x / 1000) + (y / 1000)) % 2 == 0 ? 255 : 0);
        await File.WriteAllBytesAsync(Path.Combine(album, "huge.png"), png);
        await using var gateway = await ShippedGateway.RunBuildOutputAsync(temp.Path, temp.Combine("data"), model.Directory);
        await gateway.SetUpAdminAsync();
        await gateway.WaitForCatalogAsync();
        var before = gateway.PeakWorkingSetBytes!.Value;

        using (var upload = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            upload.Add(file, "image", "huge.png");
            using var identified = await gateway.Http.PostAsync("/_gateway/identify", upload);
            Assert.True(identified.StatusCode == HttpStatusCode.OK, $"identify: {(int)identified.StatusCode} {await identified.Content.ReadAsStringAsync()}");
        }

        var scan = await gateway.AddAlbumAndWaitAsync("huge", album);
        Assert.Equal(1, scan["done"]!.GetValue<int>());
        var id = (await gateway.SearchAsync(new { query = new { term = new { path = "huge.png" } } })).Hits().Single()!["_id"]!.GetValue<string>();
        foreach (var size in new[] { "thumb", "preview" })
        {
            using var image = await gateway.Http.GetAsync($"/_ui/photos/{id}/{size}");
            Assert.True(image.StatusCode == HttpStatusCode.OK, $"{size}: {(int)image.StatusCode}");
        }

        var growth = gateway.PeakWorkingSetBytes!.Value - before;
        output.WriteLine($"peak working set {before / (1024 * 1024)} MB before, {(before + growth) / (1024 * 1024)} MB after (+{growth / (1024 * 1024)} MB)");
        Assert.True(growth < 300L * 1024 * 1024, $"peak working set grew by {growth / (1024 * 1024)} MB (from {before / (1024 * 1024)} MB)");
    }
}
