using Gateway.EmbeddedStore.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.EmbeddedStore.Hosting;

/// <summary>
/// Serves the store's REST API on <see cref="EmbeddedStoreOptions.ListenUrl"/> (a loopback
/// Kestrel endpoint) so that curl and any Elasticsearch client can reach it. Does nothing when
/// no URL is configured.
/// </summary>
internal sealed partial class EmbeddedStoreListener(
    IOptions<EmbeddedStoreOptions> options,
    EmbeddedStoreHandler handler,
    EmbeddedStore store,
    ILogger<EmbeddedStoreListener> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.ListenUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        _app = Build(url, handler.Dispatcher, store.Options.MaxBodyBytes);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        LogListening(logger, string.Join(", ", _app.Urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Builds the listener application (also used by the standalone server of the durability test).</summary>
    internal static WebApplication Build(string url, RestDispatcher dispatcher, long maxBodyBytes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.Run(context => ServeAsync(context, dispatcher, maxBodyBytes));
        return app;
    }

    private static async Task ServeAsync(HttpContext context, RestDispatcher dispatcher, long maxBodyBytes)
    {
        var request = context.Request;
        RestResponse response;
        if (request.ContentLength > maxBodyBytes)
        {
            response = RestDispatcher.TooLarge(request.ContentLength.Value, maxBodyBytes);
        }
        else
        {
            using var body = await RestTransport.ReadBodyAsync(request.Body, request.Headers.ContentEncoding.ToString(), maxBodyBytes, context.RequestAborted, request.ContentLength).ConfigureAwait(false);
            response = body is null
                ? RestDispatcher.TooLarge(maxBodyBytes + 1, maxBodyBytes)
                : await dispatcher.DispatchAsync(request.Method, request.Path.ToUriComponent() + request.QueryString.ToUriComponent(), body.Memory, request.ContentType, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = response.Status;
        context.Response.Headers[RestTransport.ProductHeader] = RestTransport.ProductValue;
        context.Response.ContentType = response.ContentType ?? RestTransport.ContentType(request.Headers.Accept.ToString());
        if (response.Headers is not null)
        {
            foreach (var (key, value) in response.Headers)
            {
                context.Response.Headers[key] = value;
            }
        }

        if (response.Body is { Length: > 0 } bytes)
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Embedded Elasticsearch-compatible store listening on {Urls}")]
    private static partial void LogListening(ILogger logger, string urls);
}
