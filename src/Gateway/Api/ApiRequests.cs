using System.Text.Json.Nodes;
using Gateway.Errors;
using Gateway.Proxy;
using Gateway.Rewrite;

namespace Gateway.Api;

/// <summary>Reading JSON bodies and answering errors in the gateway's own API.</summary>
internal static class ApiRequests
{
    /// <summary>
    /// The body as a JSON object, read no further than <paramref name="limit"/> bytes (a 200 MB chunked body is
    /// refused at the limit, not buffered first); duplicate keys and invalid UTF-8 are refused as Elasticsearch does.
    /// </summary>
    public static async Task<JsonObject> ReadJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var body = await BoundedBodyReader.ReadAsync(request.Body, request.ContentLength, limit, cancellationToken).ConfigureAwait(false)
            ?? throw new RewriteException(413, "content_too_long_exception", $"the request body is over the limit of {limit} bytes");
        return StrictJson.ParseObject(body, "request body");
    }

    /// <summary>Runs <paramref name="handler"/>, answering expected failures as Elasticsearch-shaped errors.</summary>
    public static async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (Exception e) when (GatewayError.From(e) is { } error)
        {
            await error.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return Results.Empty;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException && e.Source == "System.Text.Json")
        {
            // A field with the wrong JSON type ({"text":5}): the caller's mistake, not the gateway's.
            await new GatewayError(new RewriteError(400, "parsing_exception", "a field of the request body has the wrong type: " + e.Message))
                .WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return Results.Empty;
        }
    }

    public static IResult Json(JsonNode body) => Results.Content(body.ToJsonString(), "application/json");
}
