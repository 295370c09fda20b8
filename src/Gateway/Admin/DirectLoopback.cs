using System.Net;

namespace Gateway.Admin;

/// <summary>
/// Whether a request comes straight from this machine: the connection's own peer address is loopback, and no proxy headers are present at all. A same-host reverse proxy or sidecar
/// connects from loopback too, but adds <c>X-Forwarded-For</c>/<c>Forwarded</c>; such requests are not direct.
/// </summary>
internal static class DirectLoopback
{
    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-For", "X-Real-IP", "Forwarded"];

    public static bool Is(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ProxyHeaders.Any(h => context.Request.Headers.ContainsKey(h)))
        {
            return false;
        }

        var connection = context.Connection;
        // When trusted-proxy forwarded headers were applied, the middleware left X-Original-For behind (checked above).
        var peer = connection.RemoteIpAddress;

        // An in-memory test server has no addresses at all; it is as local as a caller can be.
        return peer is null ? connection.LocalIpAddress is null : IPAddress.IsLoopback(peer);
    }
}
