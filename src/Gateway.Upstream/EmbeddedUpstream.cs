namespace Gateway.Upstream;

/// <summary>The in-process handler of the embedded store, shared by the proxy and the gateway's own client.</summary>
/// <param name="Handler">The store's HTTP handler (no socket).</param>
public sealed record EmbeddedUpstream(HttpMessageHandler Handler)
{
    /// <summary>The address requests to the embedded store carry (the handler ignores the host).</summary>
    public static readonly Uri Address = new("http://embedded-store.local:9200/");
}
