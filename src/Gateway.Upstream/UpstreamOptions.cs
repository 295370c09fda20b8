using System.ComponentModel.DataAnnotations;

namespace Gateway.Upstream;

/// <summary>
/// Where requests go and how the gateway's own client signs in (configuration section <c>Upstream</c>). The keys that
/// named these settings before the section existed (<c>Gateway:Upstream</c>, <c>Gateway:UpstreamUsername</c>, ...)
/// still work: see <see cref="UpstreamLegacyKeys"/>.
/// </summary>
public sealed class UpstreamOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Upstream";

    /// <summary>The value of <see cref="Url"/> that selects the in-process embedded store.</summary>
    public const string Embedded = "embedded";

    /// <summary><c>embedded</c> (default) or a comma-separated list of Elasticsearch node URLs (<c>Upstream:Url</c>).</summary>
    [Required]
    public string Url { get; set; } = Embedded;

    /// <summary>User name of the gateway's own client (catalog, ingestion, vector-field discovery) on a secured cluster.</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>API key (base64 <c>id:key</c>) of the gateway's own client, instead of user and password.</summary>
    public string? ApiKey { get; set; }

    /// <summary>SHA-256 fingerprint of the cluster's CA or certificate, for self-signed HTTPS clusters.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>
    /// Whether proxied requests get YARP's <c>X-Forwarded-For/-Proto/-Host/-Prefix</c> headers (for example for
    /// Elasticsearch's audit log). Off by default: the upstream sees the client's headers unchanged, and setting
    /// four headers per request is work the passthrough path otherwise avoids. Routes from a <c>ReverseProxy</c>
    /// section that configure <c>X-Forwarded</c> transforms keep them either way.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Whether the gateway's own client has credentials (a user name or an API key).</summary>
    public bool HasCredentials => !string.IsNullOrEmpty(ApiKey) || !string.IsNullOrEmpty(Username);

    /// <summary>Whether the upstream is the embedded store.</summary>
    public bool IsEmbedded => string.Equals(Url.Trim(), Embedded, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The node URLs of a cluster upstream (empty for the embedded store), without any <c>user:password@</c>: these
    /// are what health, logs and YARP's destinations show. The credentials travel as <see cref="ClientUsername"/>/<see cref="ClientPassword"/>.
    /// </summary>
    public IReadOnlyList<Uri> Nodes => RawNodes().Select(n => new UriBuilder(n) { UserName = "", Password = "" }.Uri).ToList();

    /// <summary>The user name of the gateway's own client: <see cref="Username"/>, or the one in the node URLs.</summary>
    public string? ClientUsername => !string.IsNullOrEmpty(Username) ? Username : UrlCredentials()?.User;

    /// <summary>The password for <see cref="ClientUsername"/>.</summary>
    public string? ClientPassword => !string.IsNullOrEmpty(Username) ? Password : UrlCredentials()?.Password;

    private IEnumerable<Uri> RawNodes() => IsEmbedded
        ? []
        : Url.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => new Uri(n.EndsWith('/') ? n : n + "/", UriKind.Absolute));

    private (string User, string Password)? UrlCredentials() =>
        RawNodes().Select(n => n.UserInfo).FirstOrDefault(u => u.Length > 0) is { } info
            ? (Uri.UnescapeDataString(info.Split(':', 2)[0]), info.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(info.Split(':', 2)[1]) : "")
            : null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEmbedded)
        {
            yield break;
        }

        foreach (var node in Url.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                // The URL itself may hold a password: never repeat it in the message.
                yield return new ValidationResult("Upstream:Url must be 'embedded' or a list of http(s) node URLs; one entry is neither", [nameof(Url)]);
            }
        }

        var userInfos = RawNodes().Select(n => n.UserInfo).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Count();
        if (userInfos > 0 && (!string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(ApiKey)))
        {
            yield return new ValidationResult(
                "Upstream:Url carries credentials (user:password@) and Upstream:Username or Upstream:ApiKey is set too: keep one of them", [nameof(Url)]);
        }

        if (userInfos > 1)
        {
            yield return new ValidationResult("Upstream:Url nodes carry different credentials: use Upstream:Username/Upstream:Password instead", [nameof(Url)]);
        }
    }
}
