using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class GatewayApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Health_ReportsUpstreamAndModel()
    {
        var json = JsonNode.Parse(await fixture.Http.GetStringAsync("/_gateway/health"))!;

        Assert.Equal("green", json["status"]!.GetValue<string>());
        Assert.True(json["upstream"]!["reachable"]!.GetValue<bool>());
        Assert.Equal("embedded", json["upstream"]!["mode"]!.GetValue<string>());
        Assert.Equal("ready", json["model"]!["state"]!.GetValue<string>());
        Assert.Equal("fp32", json["model"]!["variant"]!.GetValue<string>());
        foreach (var tower in new[] { "text", "image" })
        {
            var batch = json["model"]!["batch"]![tower]!;
            Assert.True(batch["size"]!.GetValue<int>() >= 1);
            Assert.True(!batch["measured"]!.GetValue<bool>() || batch["timings"]!.AsArray().Count > 0);
        }

        Assert.True(json["queue"]!["limit"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Identify_MultipartUploadReturnsPeaks()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.SolidPng(TestColor.Named("green")));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", "green.png");

        var response = await fixture.Http.PostAsync("/_gateway/identify?top=2", form);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        var peaks = json["peaks"]!.AsArray();
        Assert.Equal(2, peaks.Count);
        Assert.Equal("green_peak", peaks[0]!["id"]!.GetValue<string>());
        Assert.True(peaks[0]!["confidence"]!.GetValue<double>() > peaks[1]!["confidence"]!.GetValue<double>());
    }

    [Fact]
    public async Task Identify_JsonBase64AndPhotoId()
    {
        var byImage = await fixture.Http.PostAsync("/_gateway/identify",
            EsRequests.Json(new JsonObject { ["base64"] = Convert.ToBase64String(TestImages.SolidJpeg(TestColor.Named("yellow"))) }.ToJsonString()));
        var byPhoto = await fixture.Http.PostAsync("/_gateway/identify", EsRequests.Json("""{"photo_id":"white-a"}"""));

        Assert.Equal("yellow_peak", JsonNode.Parse(await byImage.Content.ReadAsStringAsync())!["peaks"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("white_peak", JsonNode.Parse(await byPhoto.Content.ReadAsStringAsync())!["peaks"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identify_UndecodableImageIs400()
    {
        var response = await fixture.Http.PostAsync("/_gateway/identify", EsRequests.Json("""{"base64":"bm90IGFuIGltYWdl"}"""));

        await ErrorTests.AssertErrorAsync(response, 400, "illegal_argument_exception");
    }

    [Fact]
    public async Task Embed_ReturnsTextAndImageVectors()
    {
        var response = await fixture.Http.PostAsync("/_gateway/embed", EsRequests.Json(new JsonObject
        {
            ["texts"] = new JsonArray("red", "Pico Rojo"),
            ["image"] = Convert.ToBase64String(TestImages.SolidPng(TestColor.Named("red"))),
        }.ToJsonString()));

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        Assert.Equal("prompt_ensemble", json["texts"]![0]!["source"]!.GetValue<string>());
        Assert.Equal("peak_prototype", json["texts"]![1]!["source"]!.GetValue<string>());
        var text = json["texts"]![0]!["vector"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        var image = json["image"]!["vector"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        Assert.Equal(text.Length, image.Length);
        Assert.True(text.Zip(image, (a, b) => a * b).Sum() > 0.5f);
    }
}
