using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Errors;
using Gateway.Rewrite;

namespace Gateway.Api;

/// <summary>Reading JSON bodies and answering errors in the gateway's own API.</summary>
internal static class ApiRequests
{
    public static async Task<JsonObject> ReadJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw new RewriteException(413, "content_too_long_exception", $"the request body is over the limit of {limit} bytes");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > limit)
        {
            throw new RewriteException(413, "content_too_long_exception", $"the request body is over the limit of {limit} bytes");
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) as JsonObject
                ?? throw new RewriteException(400, "parsing_exception", "the request body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new RewriteException(400, "parsing_exception", "failed to parse the request body: " + e.Message);
        }
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
    }

    public static IResult Json(JsonNode body) => Results.Content(body.ToJsonString(), "application/json");
}
