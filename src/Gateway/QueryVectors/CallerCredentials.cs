using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.QueryVectors;

/// <summary>
/// Whose credentials a read on a caller's behalf carries (a stored photo's vector, an index's mapping): the
/// caller's <c>Authorization</c> header when the request has one; otherwise the gateway's own, but only for the
/// configured photos and catalog indices when the gateway has credentials of its own, so that a caller cannot use
/// the gateway's rights to read an index it could not read itself (issue 14, part 4).
/// </summary>
internal sealed class CallerCredentials(
    IHttpContextAccessor http,
    IOptions<UpstreamOptions> upstream,
    IOptions<GatewayIndicesOptions> indices)
{
    /// <summary>The credentials for reading <paramref name="indexExpression"/>; null when the caller may not use the gateway's.</summary>
    public UpstreamCaller? For(string indexExpression)
    {
        var request = http.HttpContext?.Request;
        if (request is null)
        {
            // Not on a caller's behalf (a job, start-up).
            return UpstreamCaller.Gateway;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (!string.IsNullOrWhiteSpace(authorization))
        {
            return UpstreamCaller.WithAuthorization(authorization);
        }

        // Without credentials of its own the gateway reads as anonymously as the caller would.
        return !upstream.Value.HasCredentials || indexExpression.Split(',').All(IsConfigured) ? UpstreamCaller.Gateway : null;
    }

    /// <summary>The answer Elasticsearch gives a request without credentials.</summary>
    public static RewriteError Refusal(string path) =>
        new(401, "security_exception", $"missing authentication credentials for REST request [{path}]");

    private bool IsConfigured(string index) =>
        string.Equals(index, indices.Value.Photos, StringComparison.Ordinal)
        || string.Equals(index, indices.Value.Catalog, StringComparison.Ordinal);
}
