using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Tests.Infrastructure;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests.References;

/// <summary>
/// The <c>reference-candidates</c> job on the real host: it proposes exactly the photos whose stored
/// <c>peaks_in_frame</c> has one catalog peak near the frame centre and close, and the admin's list drops what the
/// admin approved or rejected since.
/// </summary>
public sealed partial class ReferenceCandidatesJobTests : IDisposable
{
    // path: peaks in frame as id:distance_km:bearing_offset_deg ("-" for none); no direction_deg when "nodir" is in the name.
    private static readonly (string Path, string InFrame)[] Photos =
    [
        ("one-red.jpg", "red-peak:3:2"),
        ("one-blue-other-off-centre.jpg", "blue-peak:2:-1 red-peak:1:40"),
        ("two-near-centre.jpg", "red-peak:3:2 blue-peak:5:-3"),
        ("off-centre.jpg", "red-peak:3:20"),
        ("too-far.jpg", "red-peak:30:1"),
        ("not-in-catalog.jpg", "kala-patthar:2:0"),
        ("nodir.jpg", "red-peak:3:-"),
        ("rejected-red.jpg", "red-peak:4:-1"),
    ];

    private readonly AlbumGateway _gateway = new();

    [Fact]
    public async Task Job_ProposesExactlyThePhotosWithOnePeakNearTheCentre()
    {
        await SeedPhotosAsync();
        var rejected = await _gateway.Host.Http.PostAsync("/_gateway/peaks/red-peak/_mark", EsRequests.Json("""{"album":"trek","path":"rejected-red.jpg","as":"negative"}"""));
        Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());

        var job = await JobRunner.RunAsync(_gateway.Host, """{"type":"reference-candidates"}""");

        Assert.Contains("2 reference candidate(s)", job["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["blue-peak one-blue-other-off-centre.jpg", "red-peak one-red.jpg"], await ListedAsync());

        var approved = await _gateway.Host.Http.PostAsync("/_gateway/peaks/red-peak/_mark", EsRequests.Json("""{"album":"trek","path":"one-red.jpg","as":"reference"}"""));
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        Assert.Equal(["blue-peak one-blue-other-off-centre.jpg"], await ListedAsync());
    }

    public void Dispose() => _gateway.Dispose();

    private async Task SeedPhotosAsync()
    {
        var es = _gateway.Host.ElasticClient();
        await es.OkAsync(TransportMethod.PUT, "/photos", """
            {"mappings":{"properties":{"album":{"type":"keyword"},"path":{"type":"keyword"},"direction_deg":{"type":"float"},
              "peaks_in_frame":{"properties":{"id":{"type":"keyword"},"distance_km":{"type":"float"},"bearing_offset_deg":{"type":"float"} } } } } }
            """);
        var bulk = new StringBuilder();
        foreach (var (path, inFrame) in Photos)
        {
            var doc = new JsonObject { ["album"] = "trek", ["path"] = path };
            if (!path.StartsWith("nodir", StringComparison.Ordinal))
            {
                doc["direction_deg"] = 90.0;
            }

            doc["peaks_in_frame"] = new JsonArray(inFrame.Split(' ').Select(e => e.Split(':')).Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p[0],
                ["distance_km"] = double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture),
                ["bearing_offset_deg"] = p[2] == "-" ? null : double.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray());
            bulk.Append("""{"index":{"_index":"photos"}}""").Append('\n').Append(doc.ToJsonString()).Append('\n');
        }

        var result = await es.OkAsync(TransportMethod.POST, "/_bulk?refresh=true", bulk.ToString());
        Assert.False(result["errors"]!.GetValue<bool>(), result.ToJsonString());
    }

    /// <summary>The admin list's candidates as "peak path", sorted.</summary>
    private async Task<string[]> ListedAsync()
    {
        var page = await _gateway.Host.Http.GetStringAsync("/admin/peaks/candidates");
        return [.. Candidate().Matches(page).Select(m => m.Groups[1].Value + " " + m.Groups[2].Value).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("<figure data-peak=\"([^\"]+)\" data-path=\"([^\"]+)\"")]
    private static partial Regex Candidate();
}
