using System.Net;
using System.Text;

namespace Gateway.Conformance.Tests.UnitTests;

/// <summary>
/// A canned HTTP responder for the runner's own tests: answers "METHOD /path" with a fixed status, body and
/// headers, records the requests, and answers the runner's cleanup listing with no indices.
/// </summary>
internal sealed class FakeElasticsearchHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpRequestMessage, string?, HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public FakeElasticsearchHandler()
    {
        Respond("GET /", 200, """{"name":"fake","version":{"number":"9.1.0"},"tagline":"You Know, for Search"}""");
        Respond("GET /_mapping", 200, "{}");
    }

    /// <summary>Requests seen, as "METHOD /path?query body".</summary>
    public List<string> Requests { get; } = [];

    public void Respond(string route, int status, string body, params (string Name, string Value)[] headers) =>
        _routes[route] = (_, _) => Create(status, body, headers);

    public void Respond(string route, Func<HttpRequestMessage, string?, HttpResponseMessage> responder) => _routes[route] = responder;

    public static HttpResponseMessage Create(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}{(body is null ? string.Empty : " " + body)}");
        var key = $"{request.Method} {request.RequestUri.AbsolutePath}";
        if (_routes.TryGetValue(key, out var responder))
        {
            var response = responder(request, body);
            if (request.Method == HttpMethod.Head)
            {
                response.Content = new ByteArrayContent([]);
            }

            return response;
        }

        return Create(404, """{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [x]"}],"type":"index_not_found_exception","reason":"no such index [x]"},"status":404}""");
    }
}
