using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>
/// Makes <see cref="ForwardedHeadersOptions"/> trust exactly <see cref="TrustedProxyOptions"/>: ASP.NET's defaults
/// (and <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, which clears the lists, meaning "trust anyone") are replaced, and
/// with no proxy named no forwarded header is applied at all. Runs after every other configuration (post-configure).
/// </summary>
internal sealed class TrustedProxyForwardedHeadersSetup(IOptions<TrustedProxyOptions> trusted) : IPostConfigureOptions<ForwardedHeadersOptions>
{
    public void PostConfigure(string? name, ForwardedHeadersOptions options)
    {
        var proxies = trusted.Value;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        if (!proxies.Any)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        foreach (var proxy in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
