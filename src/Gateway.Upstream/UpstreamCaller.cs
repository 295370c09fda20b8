namespace Gateway.Upstream;

/// <summary>
/// Whose credentials a request to the upstream carries: the gateway's own (catalog, ingestion, its own indices) or
/// the caller's, for reads the gateway makes on a caller's behalf (a stored photo's vector, an index's mapping).
/// </summary>
public sealed class UpstreamCaller
{
    private UpstreamCaller(string? authorization) => Authorization = authorization;

    /// <summary>The gateway's own configured credentials (<c>Upstream:Username</c>/<c>Upstream:ApiKey</c>).</summary>
    public static UpstreamCaller Gateway { get; } = new(null);

    /// <summary>The caller's <c>Authorization</c> header value, passed on unchanged; null for <see cref="Gateway"/>.</summary>
    public string? Authorization { get; }

    /// <summary>A caller that authenticated with <paramref name="authorization"/> (for example <c>Basic ...</c> or <c>ApiKey ...</c>).</summary>
    public static UpstreamCaller WithAuthorization(string authorization)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorization);
        return new UpstreamCaller(authorization.Trim());
    }
}
