using System.Net.Http.Headers;
using System.Text;

namespace Gateway.Conformance.Tests;

/// <summary>
/// The server the YAML tests run against: a real Elasticsearch at <c>$CONFORMANCE_ES_URL</c> (optional
/// <c>CONFORMANCE_ES_USER</c>/<c>CONFORMANCE_ES_PASSWORD</c>, <c>CONFORMANCE_ES_INSECURE=1</c> for a self-signed
/// certificate); with <c>CONFORMANCE_TARGET=loopback</c> the embedded store behind its own loopback listener; by
/// default the embedded store in-process over a temporary data folder.
/// </summary>
internal sealed class ConformanceTarget(HttpClient http, string description, bool embedded, IDisposable? owned = null) : IDisposable
{
    public HttpClient Http { get; } = http;

    public string Description { get; } = description;

    /// <summary>Whether this is the embedded store (cluster features outside its subset are then absent).</summary>
    public bool Embedded { get; } = embedded;

    public static ConformanceTarget Create()
    {
        var url = Environment.GetEnvironmentVariable("CONFORMANCE_ES_URL");
        if (!string.IsNullOrEmpty(url))
        {
            return FromUrl(url);
        }

        return Environment.GetEnvironmentVariable("CONFORMANCE_TARGET") == "loopback"
            ? LoopbackTargetFactory.Create()
            : EmbeddedTargetFactory.Create();
    }

    /// <summary>Runs against any handler, e.g. a test double or another in-process server.</summary>
    public static ConformanceTarget FromHandler(HttpMessageHandler handler, string description, bool embedded) =>
        new(new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri("http://conformance.local/") }, description, embedded);

    public static ConformanceTarget FromUrl(string url)
    {
        var handler = new HttpClientHandler();
        if (Environment.GetEnvironmentVariable("CONFORMANCE_ES_INSECURE") == "1")
        {
            // A local Elasticsearch 9 serves a self-signed certificate by default.
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }

        var http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var user = Environment.GetEnvironmentVariable("CONFORMANCE_ES_USER");
        if (!string.IsNullOrEmpty(user))
        {
            var password = Environment.GetEnvironmentVariable("CONFORMANCE_ES_PASSWORD") ?? string.Empty;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return new ConformanceTarget(http, url, embedded: false);
    }

    public void Dispose()
    {
        Http.Dispose();
        owned?.Dispose();
    }
}
