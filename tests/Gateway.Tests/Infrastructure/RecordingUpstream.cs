using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Infrastructure;

/// <summary>A tiny Kestrel "Elasticsearch" on loopback that records every request and answers with <see cref="Handler"/>.</summary>
internal sealed class RecordingUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingUpstream(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers requests after they were recorded (default: a fixed JSON body with odd spacing).</summary>
    public Func<HttpContext, Task> Handler { get; set; } = DefaultAsync;

    /// <summary>When set, requests are answered by this instead of being read whole first (for streaming tests).</summary>
    public Func<HttpContext, Task>? RawHandler { get; set; }

    public const string DefaultBody = "{ \"took\" :  1 ,\n  \"hits\" : { \"hits\" : [ ] } }\n";

    public Uri Address { get; private set; } = null!;

    public static async Task<RecordingUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var upstream = new RecordingUpstream(app);
        app.Run(upstream.HandleAsync);
        await app.StartAsync();
        upstream.Address = new Uri(app.Urls.First());
        return upstream;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (RawHandler is { } raw)
        {
            await raw(context);
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray()));
        await Handler(context);
    }

    private static async Task DefaultAsync(HttpContext context)
    {
        context.Response.Headers["X-elastic-product"] = "Elasticsearch";
        context.Response.ContentType = "application/json";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(DefaultBody);
        }
    }
}
