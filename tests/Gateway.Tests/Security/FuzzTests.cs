using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Security;

/// <summary>
/// Thousands of generated bad requests against a real Kestrel gateway (embedded store, test model, an album):
/// none may answer 5xx, and every 4xx must be an Elasticsearch-shaped error (issue 14 part 7).
/// </summary>
public sealed class FuzzTests(FuzzGatewayFixture fixture) : IClassFixture<FuzzGatewayFixture>
{
    /// <summary>How many requests a run sends (the issue asks for at least 3,000).</summary>
    public const int RequestCount = 3_200;

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task GeneratedBadRequests_NeverAnswer5xxOrAnErrorThatIsNotElasticsearchShaped()
    {
        using (var seed = await Host.Http.PutAsync("/fz/_doc/1?refresh=true", EsRequests.Json("""{"a":1}""")))
        {
            Assert.True(seed.IsSuccessStatusCode);
        }

        var failures = new ConcurrentBag<(string Kind, string Example)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var requests = new BadRequestGenerator(seed: 14).Generate(RequestCount).ToList();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellationToken) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var (status, body) = await RawHttp.SendAsync(Host.Address, request, timeout.Token);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status is < 100 or >= 500 || (status >= 400 && request.Method != "HEAD" && !IsElasticsearchShaped(status, body)))
            {
                failures.Add(($"{status} {request.Family} {request.Method} {request.Target.Split('?')[0]}", $"{request} => {body[..Math.Min(body.Length, 200)]}"));
            }
        });

        Assert.Equal(RequestCount, statuses.Values.Sum());
        Assert.True(failures.IsEmpty, $"{failures.Count} of {RequestCount} failed; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"))}:\n"
            + string.Join("\n", failures.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} x {g.Key}, e.g. {g.First().Example}")));
    }

    /// <summary>The bad requests the outside probe of issue 14 reported as 5xx or as a 4xx of another shape.</summary>
    [Theory]
    [InlineData("POST", "/_gateway/embed", "application/json", "{\"text\":5}", 400)]
    [InlineData("POST", "/_gateway/embed", "application/json", "{\"text\":\"x\",\"text\":\"y\"}", 400)]
    [InlineData("POST", "/_gateway/identify", "application/json", "{\"base64\":5}", 400)]
    [InlineData("POST", "/_gateway/identify", "application/json", "{\"base64\":\"x\",\"base64\":\"y\"}", 400)]
    [InlineData("POST", "/_gateway/identify", "multipart/form-data", "--b\r\n\r\nx\r\n--b--\r\n", 400)]
    [InlineData("POST", "/_gateway/identify?top=abc", "application/json", "{\"base64\":\"x\"}", 400)]
    [InlineData("POST", "/fz/_search", "application/json", "{\"query_text\":\"x\",\"query_text\":\"y\"}", 400)]
    [InlineData("POST", "/fz/_search", "application/json", "{\"query_text\":\"\\ud800\"}", 400)]
    [InlineData("TRACE", "/admin", "", "", 405)]
    public async Task ReportedBadRequests_AnswerTheirElasticsearchShaped4xx(string method, string target, string contentType, string body, int status)
    {
        var headers = contentType.Length > 0 ? new[] { ("Content-Type", contentType) } : [];
        var (actual, answer) = await RawHttp.SendAsync(Host.Address, new FuzzRequest("named", method, target, headers, System.Text.Encoding.UTF8.GetBytes(body)), CancellationToken.None);

        Assert.Equal(status, actual);
        Assert.True(IsElasticsearchShaped(status, answer), answer);
    }

    [Theory]
    [InlineData("/fz/_search", "br")]
    [InlineData("/fz/_search", "gzip")]
    [InlineData("/fz/_doc/z", "gzip")]
    [InlineData("/_gateway/embed", "gzip")]
    public async Task JunkCompressedBodies_Answer400(string target, string encoding)
    {
        var request = new FuzzRequest("named", target.Contains("_doc", StringComparison.Ordinal) ? "PUT" : "POST", target,
            [("Content-Type", "application/json"), ("Content-Encoding", encoding)], [0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

        var (status, answer) = await RawHttp.SendAsync(Host.Address, request, CancellationToken.None);

        Assert.InRange(status, 400, 499);
        Assert.True(IsElasticsearchShaped(status, answer), answer);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("7fffffffffffffff")]
    public async Task BrokenChunkSizes_Answer400(string size)
    {
        // (The jobs API is left out: without an admin it refuses with 403 before it reads the body.)
        foreach (var target in new[] { "/fz/_search", "/fz/_bulk", "/_gateway/embed", "/_gateway/identify" })
        {
            var request = new FuzzRequest("named", "POST", target, [("Content-Type", "application/json")],
                System.Text.Encoding.ASCII.GetBytes($"{size}\r\n{{}}\r\n0\r\n\r\n"), Chunked: true);

            var (status, answer) = await RawHttp.SendAsync(Host.Address, request, CancellationToken.None);

            Assert.Equal(400, status);
            Assert.True(IsElasticsearchShaped(status, answer), target + ": " + answer);
        }
    }

    /// <summary>
    /// Elasticsearch's error shape (<c>{"error":{"root_cause":[..],"type":..,"reason":..},"status":N}</c>), or the
    /// not-found shapes Elasticsearch itself answers for documents (<c>"found":false</c>, <c>"result":"not_found"</c>),
    /// or its bare-string 406 for a content type it does not read.
    /// </summary>
    internal static bool IsElasticsearchShaped(int status, string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject json)
            {
                return false;
            }

            if (status == 404 && (json["found"]?.GetValueKind() == JsonValueKind.False || json["result"]?.ToString() == "not_found"))
            {
                return true;
            }

            // Elasticsearch's RestController refuses a content type it does not read with a bare-string error
            // ({"error":"Content-Type header [text/plain] is not supported","status":406}), and so does the store.
            if (status == 406 && json["error"]?.GetValueKind() == JsonValueKind.String
                && json["status"]?.GetValueKind() == JsonValueKind.Number && json["status"]!.GetValue<int>() == 406)
            {
                return true;
            }

            return json["status"]?.GetValueKind() == JsonValueKind.Number && json["status"]!.GetValue<int>() == status
                && json["error"] is JsonObject error
                && error["type"]?.GetValueKind() == JsonValueKind.String
                && error["reason"]?.GetValueKind() == JsonValueKind.String
                && error["root_cause"] is JsonArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
