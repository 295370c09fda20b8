using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Api;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>Sends requests to the server under test (an in-process handler or a URL) and reads responses.</summary>
internal sealed class ConformanceClient(HttpClient http)
{
    public Task<ApiResponse> SendAsync(ApiRequest request, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken) =>
        SendAsync(request.Method, request.PathAndQuery, request.Body, request.ContentType, headers, cancellationToken);

    public async Task<ApiResponse> SendAsync(
        string method,
        string pathAndQuery,
        string? body = null,
        string contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null,
        CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), pathAndQuery.TrimStart('/'));
        if (body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                message.Headers.Remove(name);
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await http.SendAsync(message, cancellationToken);
        // A HEAD answer has no body even if an in-process handler attached one, as on the wire.
        var text = response.Content is null || method == "HEAD" ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken);
        var mediaType = response.Content?.Headers.ContentType?.MediaType ?? string.Empty;
        var (parsed, isJson) = Parse(text, mediaType);
        var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
        return new ApiResponse(method, (int)response.StatusCode, text, parsed, isJson, warnings);
    }

    private static (JsonNode? Body, bool IsJson) Parse(string text, string mediaType)
    {
        if (text.Length == 0 || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, false);
        }

        try
        {
            return (JsonNode.Parse(text), true);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }
}
