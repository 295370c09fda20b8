using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Benchmarks;

/// <summary>
/// An upstream that does real search work: the embedded store on its own loopback listener (its own process:
/// <c>upstream-store --url U --data DIR</c>), seeded over HTTP with photo-like documents.
/// </summary>
internal static class StoreUpstream
{
    private static readonly string[] Words =
        ["prayer", "flags", "yak", "glacier", "sunrise", "ridge", "monastery", "bridge", "moraine", "snow", "tea", "house", "valley", "river", "summit", "camp", "porter", "trail", "cloud", "stupa"];

    private static readonly string[] Albums = ["ebc", "gokyo", "three-passes", "annapurna"];

    /// <summary>The search the load generator sends: a scored match on the caption, pre-filtered by album and date, 10 hits.</summary>
    public const string SearchBody = """{"query":{"bool":{"must":[{"match":{"caption":"prayer flags"}}],"filter":[{"term":{"album":"ebc"}},{"range":{"shot_time":{"gte":"2024-10-05"}}}]}},"size":10}""";

    public static async Task<int> RunAsync(string url, string data)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EmbeddedStore:DataPath"] = data,
            ["EmbeddedStore:ListenUrl"] = url.TrimEnd('/'),
            ["EmbeddedStore:SyncOnWrite"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddEmbeddedStore();
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }

    /// <summary>Creates <c>photos</c> with <paramref name="documents"/> documents (deterministic) and refreshes it.</summary>
    public static async Task SeedAsync(Uri store, int documents)
    {
        using var client = new HttpClient { BaseAddress = store, Timeout = TimeSpan.FromMinutes(5) };
        await SendAsync(client, HttpMethod.Put, "/photos", """
            {"mappings":{"properties":{"path":{"type":"keyword"},"caption":{"type":"text"},"album":{"type":"keyword"},
             "camera":{"type":"keyword"},"shot_time":{"type":"date"},"altitude_m":{"type":"integer"},"predicted_peaks":{"type":"keyword"}}}}
            """);
        var random = new Random(11);
        var bulk = new StringBuilder();
        for (var i = 0; i < documents; i++)
        {
            var caption = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)]));
            var day = 1 + random.Next(28);
            bulk.Append(CultureInfo.InvariantCulture, $$$"""{"index":{"_id":"p{{{i}}}"}}""").Append('\n');
            bulk.Append(CultureInfo.InvariantCulture, $$$"""{"path":"{{{Albums[i % Albums.Length]}}}/IMG_{{{i:D5}}}.HEIC","caption":"{{{caption}}}","album":"{{{Albums[i % Albums.Length]}}}","camera":"iPhone 15 Pro","shot_time":"2024-10-{{{day:D2}}}T06:{{{i % 60:D2}}}:00Z","altitude_m":{{{3400 + random.Next(2000)}}},"predicted_peaks":["ama_dablam","thamserku"]}""").Append('\n');
            if ((i + 1) % 1000 == 0 || i == documents - 1)
            {
                await SendAsync(client, HttpMethod.Post, "/photos/_bulk", bulk.ToString());
                bulk.Clear();
            }
        }

        await SendAsync(client, HttpMethod.Post, "/photos/_refresh", null);
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
        }
    }
}
