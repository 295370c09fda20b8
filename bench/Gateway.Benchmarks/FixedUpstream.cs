using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Benchmarks;

/// <summary>
/// A trivial loopback "Elasticsearch" (its own process: <c>upstream-fixed --url U</c>) answering every request with
/// the same 1 KB search response: the upstream does almost no work, so the proxy's own cost dominates.
/// </summary>
internal static class FixedUpstream
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"took\":1,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},\"hits\":{\"total\":{\"value\":3,\"relation\":\"eq\"},\"max_score\":1.0,\"hits\":["
        + string.Join(',', Enumerable.Range(0, 3).Select(i => $"{{\"_index\":\"photos\",\"_id\":\"{i}\",\"_score\":1.0,\"_source\":{{\"path\":\"album/IMG_{i:D4}.HEIC\",\"predicted_peaks\":[\"ama_dablam\",\"thamserku\"],\"shot_time\":\"2024-10-1{i}T06:12:00Z\",\"camera\":\"iPhone 15 Pro\",\"gps\":{{\"lat\":27.86,\"lon\":86.81}}}}}}"))
        + "]}}");

    public static async Task<int> RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
            }

            context.Response.ContentType = "application/json";
            context.Response.Headers["X-elastic-product"] = "Elasticsearch";
            context.Response.ContentLength = Body.Length;
            await context.Response.Body.WriteAsync(Body);
        });
        await app.RunAsync();
        return 0;
    }
}
