using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Gateway.Hosting;

/// <summary>
/// Which reverse proxies may speak for their clients (configuration section <c>Gateway:TrustedProxies</c>).
/// <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> are applied only to connections from these addresses; with none
/// named they are ignored, even when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (which on its own trusts everyone).
/// </summary>
internal sealed class TrustedProxyOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway:TrustedProxies";

    /// <summary>Proxy addresses, e.g. <c>["127.0.0.1", "10.0.0.5"]</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>["172.18.0.0/16"]</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Whether any proxy is trusted.</summary>
    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Gateway:TrustedProxies:KnownProxies: '{proxy}' is not an IP address", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Gateway:TrustedProxies:KnownNetworks: '{network}' is not a CIDR network like 10.0.0.0/8", [nameof(KnownNetworks)]);
        }
    }
}
