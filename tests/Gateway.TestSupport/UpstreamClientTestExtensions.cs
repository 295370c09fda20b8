using System.Text.Json.Nodes;
using Gateway.Upstream;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.TestSupport;

/// <summary>Test setup and reads through the gateway's upstream client, where anything but success fails the test.</summary>
public static class UpstreamClientTestExtensions
{
    /// <summary>Sends the request and answers its JSON body; throws unless the upstream answered 2xx.</summary>
    public static async Task<JsonNode?> SendSuccessfullyAsync(this UpstreamClient upstream, HttpMethod method, string path, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var response = await upstream.SendAsync(method, path, body).ConfigureAwait(false);
        return response.FailureOf(method, path) is { } failure ? throw new InvalidOperationException(failure) : response.Body;
    }
}
