using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests.QueryVectors;

/// <summary>
/// Identification of real trek uploads with their EXIF geometry, "unknown" answers and the <c>peak_in_frame</c> viewpoint
/// filter, through the real host and the official client.
/// </summary>
public sealed class IdentifyGeometryTests(EbcGateway fixture) : IClassFixture<EbcGateway>
{
    // From config/peaks.yaml and the photos' EXIF (tests/Gateway.Photos.Tests/Geometry/PeakGeometryEbcTests.cs).
    private static readonly string[] KalaPattharFrame = ["everest", "lhotse", "lhotse-shar", "makalu"];
    private static readonly string[] PhakdingFrame = ["kongde-ri", "khumbila", "phari-lapcha"];

    [SkippableFact]
    public async Task Identify_MultipartHeic_OnlyPeaksInTheFrameAndTheirGeometry()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Ebc("IMG_2802.HEIC"));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/heic");
        form.Add(file, "image", "IMG_2802.HEIC");

        var json = await OkAsync(await fixture.Open.Http.PostAsync("/_gateway/identify?top=10", form));

        Assert.Equal("field_of_view", json["rule"]!.GetValue<string>());
        Assert.Contains(json["result"]!.GetValue<string>(), KalaPattharFrame);
        Assert.Equal(KalaPattharFrame, json["peaks_in_frame"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        var everest = json["peaks_in_frame"]![0]!;
        Assert.Equal(7.7, everest["distance_km"]!.GetValue<double>(), 1);
        Assert.Equal(-0.1, everest["bearing_offset_deg"]!.GetValue<double>(), 1);
        var peaks = json["peaks"]!.AsArray();
        Assert.Equal(10, peaks.Count);
        Assert.All(peaks.Take(KalaPattharFrame.Length), p => Assert.True(p!["in_frame"]!.GetValue<bool>()));
        Assert.All(peaks.Skip(KalaPattharFrame.Length), p => Assert.False(p!["in_frame"]!.GetValue<bool>()));
        Assert.Equal(97.87, json["camera"]!["direction_deg"]!.GetValue<double>(), 1);
    }

    [SkippableFact]
    public async Task Identify_Base64Heic_NearPhakdingFacingKongdeRi()
    {
        var json = await OkAsync(await fixture.Open.Http.PostAsync("/_gateway/identify",
            EsRequests.Json(new JsonObject { ["base64"] = Convert.ToBase64String(Ebc("IMG_1512.HEIC")) }.ToJsonString())));

        Assert.Equal("field_of_view", json["rule"]!.GetValue<string>());
        Assert.Contains(json["result"]!.GetValue<string>(), PhakdingFrame);
        Assert.Equal(PhakdingFrame, json["peaks_in_frame"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Identify_WithoutExif_IsVisionAlone()
    {
        var json = await OkAsync(await fixture.Open.Http.PostAsync("/_gateway/identify?top=3",
            EsRequests.Json(new JsonObject { ["base64"] = Convert.ToBase64String(TestImages.SolidPng(TestColor.Named("red"))) }.ToJsonString())));

        Assert.Equal("vision", json["rule"]!.GetValue<string>());
        Assert.Empty(json["peaks_in_frame"]!.AsArray());
        Assert.Equal(json["peaks"]![0]!["id"]!.GetValue<string>(), json["result"]!.GetValue<string>());
        Assert.All(json["peaks"]!.AsArray(), p => Assert.Null(p!["in_frame"]));
        Assert.Null(json["camera"]);
    }

    [SkippableFact]
    public async Task Identify_UnderTheThreshold_IsUnknownWithCandidatesListed()
    {
        var json = await OkAsync(await fixture.Strict.Http.PostAsync("/_gateway/identify",
            EsRequests.Json(new JsonObject { ["base64"] = Convert.ToBase64String(Ebc("IMG_2802.HEIC")) }.ToJsonString())));

        Assert.Equal("unknown", json["result"]!.GetValue<string>());
        Assert.Equal(0.999, json["threshold"]!.GetValue<double>());
        Assert.Equal(3, json["peaks"]!.AsArray().Count);
        Assert.Contains(json["peaks"]![0]!["id"]!.GetValue<string>(), KalaPattharFrame);
        Assert.Equal("everest", json["peaks_in_frame"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identify_PhotoId_UsesTheStoredCameraFields()
    {
        var json = await OkAsync(await fixture.Open.Http.PostAsync("/_gateway/identify",
            EsRequests.Json("""{"photo_id":"kala-patthar","index":"viewpoints"}""")));

        Assert.Equal("photo", json["source"]!.GetValue<string>());
        Assert.Equal("field_of_view", json["rule"]!.GetValue<string>());
        Assert.Equal(KalaPattharFrame, json["peaks_in_frame"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Contains(json["result"]!.GetValue<string>(), KalaPattharFrame);
    }

    [SkippableFact]
    public async Task QueryImage_Upload_ReportsIdentificationInGateway()
    {
        var body = new JsonObject
        {
            ["query_image"] = new JsonObject { ["base64"] = Convert.ToBase64String(Ebc("IMG_2802.HEIC")), ["mode"] = "same_peak" },
            ["size"] = 2,
            ["_source"] = new JsonArray("path"),
        };

        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/viewpoints/_search", body.ToJsonString());

        var identification = response["_gateway"]!["identification"]!;
        Assert.Equal("field_of_view", identification["rule"]!.GetValue<string>());
        Assert.Contains(identification["result"]!.GetValue<string>(), KalaPattharFrame);
        Assert.Equal("everest", identification["peaks_in_frame"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(identification["result"]!.GetValue<string>(), response["_gateway"]!["queries"]![0]!["peak"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"id":"ama-dablam","max_km":15}""", """{"bool":{"filter":[{"term":{"peaks_in_frame.id":"ama-dablam"}},{"range":{"peaks_in_frame.distance_km":{"lte":15}}}]}}""")]
    [InlineData("""{"id":"ama-dablam","max_km":15,"from_bearing":[180,270]}""", """{"bool":{"filter":[{"term":{"peaks_in_frame.id":"ama-dablam"}},{"range":{"peaks_in_frame.distance_km":{"lte":15}}},{"range":{"peaks_in_frame.bearing_from_peak_deg":{"gte":180,"lte":270}}}]}}""")]
    [InlineData("""{"id":"ama-dablam","from_bearing":[300,240]}""", """{"bool":{"filter":[{"term":{"peaks_in_frame.id":"ama-dablam"}}],"must_not":[{"range":{"peaks_in_frame.bearing_from_peak_deg":{"gt":240,"lt":300}}}]}}""")]
    [InlineData("""{"id":"everest","max_km":10}""", """{"bool":{"filter":[{"term":{"peaks_in_frame.id":"everest"}},{"range":{"peaks_in_frame.distance_km":{"lte":10}}}]}}""")]
    public async Task PeakInFrame_SameHitsAsAHandWrittenNestedFilter(string viewpoint, string nested)
    {
        var byViewpoint = await fixture.Client.OkAsync(TransportMethod.POST, "/viewpoints/_search", $$"""{"peak_in_frame":{{viewpoint}},"size":10}""");
        var byHand = await fixture.Client.OkAsync(TransportMethod.POST, "/viewpoints/_search", $$$"""
            {"query":{"bool":{"filter":[{"nested":{"path":"peaks_in_frame","query":{{{nested}}}}}]}},"size":10}
            """);
        var withText = await fixture.Client.OkAsync(TransportMethod.POST, "/viewpoints/_search", $$"""{"query_text":"red","peak_in_frame":{{viewpoint}},"size":10}""");

        var expected = EsRequests.Ids(byHand).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, EsRequests.Ids(byViewpoint).Order());
        Assert.Equal(expected, EsRequests.Ids(withText).Order());
    }

    [Fact]
    public async Task PeakInFrame_CorrelatesDistanceWithTheSamePeak()
    {
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/viewpoints/_search", """{"peak_in_frame":{"id":"ama-dablam","max_km":15},"size":10}""");

        Assert.Equal(["nw", "sw-near"], EsRequests.Ids(response).Order());
    }

    [Theory]
    [InlineData("""{"id":"k2"}""", "[peak_in_frame.id] unknown peak [k2]")]
    [InlineData("""{"id":"everest","max_km":0}""", "[peak_in_frame.max_km]")]
    [InlineData("""{"id":"everest","from_bearing":[90,400]}""", "[peak_in_frame.from_bearing]")]
    public async Task PeakInFrame_BadValueIs400InElasticsearchShape(string viewpoint, string reason)
    {
        var (status, body) = await fixture.Client.SendAsync(TransportMethod.POST, "/viewpoints/_search", $$$"""{"query_text":"red","peak_in_frame":{{{viewpoint}}}}""");

        Assert.Equal(400, status);
        Assert.Equal("illegal_argument_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Contains(reason, body["error"]!["root_cause"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task AdminIdentification_ShowsTheStoredScoreDistribution()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/identification?interval=0.1");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + EbcGateway.AdminPassword)));

        using var response = await fixture.Strict.Http.SendAsync(request);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Contains("3 photos scored, 1 identified; 3 under the threshold.", html, StringComparison.Ordinal);
        Assert.Contains("Photos:MinSimilarity = 0.999", html, StringComparison.Ordinal);

        // Buckets of 0.1: 0.1-0.2 holds 0.12 and 0.13, 0.3-0.4 holds 0.31 (an empty 0.2 bucket between them).
        Assert.Matches(@"0\.1 – 0\.2</td>\s*<td>.*?</td>\s*<td class=""num"">2</td>", html);
        Assert.Matches(@"0\.3 – 0\.4</td>\s*<td>.*?</td>\s*<td class=""num"">1</td>", html);
    }

    private static byte[] Ebc(string file)
    {
        Skip.If(RepositoryPaths.EbcPhotos is null, "../shared/photos/ebc is absent");
        return File.ReadAllBytes(Path.Combine(RepositoryPaths.EbcPhotos!, file));
    }

    private static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json;
    }
}
