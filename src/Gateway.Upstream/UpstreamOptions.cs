using System.ComponentModel.DataAnnotations;

namespace Gateway.Upstream;

/// <summary>Where requests go (configuration section <c>Gateway</c>).</summary>
public sealed class UpstreamOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway";

    /// <summary>The value of <see cref="Upstream"/> that selects the in-process embedded store.</summary>
    public const string Embedded = "embedded";

    /// <summary><c>embedded</c> (default) or a comma-separated list of Elasticsearch node URLs.</summary>
    [Required]
    public string Upstream { get; set; } = Embedded;

    /// <summary>User name of the gateway's own client (catalog, ingestion, vector-field discovery) on a secured cluster.</summary>
    public string? UpstreamUsername { get; set; }

    /// <summary>Password for <see cref="UpstreamUsername"/>.</summary>
    public string? UpstreamPassword { get; set; }

    /// <summary>API key (base64 <c>id:key</c>) of the gateway's own client, instead of user and password.</summary>
    public string? UpstreamApiKey { get; set; }

    /// <summary>SHA-256 fingerprint of the cluster's CA or certificate, for self-signed HTTPS clusters.</summary>
    public string? UpstreamCertificateFingerprint { get; set; }

    /// <summary>
    /// Whether proxied requests get YARP's <c>X-Forwarded-For/-Proto/-Host/-Prefix</c> headers (for example for
    /// Elasticsearch's audit log). Off by default: the upstream sees the client's headers unchanged, and setting
    /// four headers per request is work the passthrough path otherwise avoids. Routes from a <c>ReverseProxy</c>
    /// section that configure <c>X-Forwarded</c> transforms keep them either way.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Whether the upstream is the embedded store.</summary>
    public bool IsEmbedded => string.Equals(Upstream.Trim(), Embedded, StringComparison.OrdinalIgnoreCase);

    /// <summary>The node URLs of a cluster upstream (empty for the embedded store).</summary>
    public IReadOnlyList<Uri> Nodes => IsEmbedded
        ? []
        : Upstream.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => new Uri(n.EndsWith('/') ? n : n + "/", UriKind.Absolute))
            .ToList();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEmbedded)
        {
            yield break;
        }

        foreach (var node in Upstream.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"Gateway:Upstream must be 'embedded' or a list of http(s) node URLs; '{node}' is neither", [nameof(Upstream)]);
            }
        }
    }
}
