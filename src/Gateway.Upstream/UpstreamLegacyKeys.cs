using Microsoft.Extensions.Configuration;

namespace Gateway.Upstream;

/// <summary>
/// The keys that set <see cref="UpstreamOptions"/> before it had its own <c>Upstream</c> section
/// (<c>Gateway:Upstream</c> was <c>Upstream:Url</c>, <c>Gateway:UpstreamUsername</c> was <c>Upstream:Username</c>, ...).
/// A legacy key still sets its value when the new key is not set; both set to different values is a configuration error.
/// </summary>
public static class UpstreamLegacyKeys
{
    /// <summary>Each setting's new key and the key that named it before.</summary>
    public static IReadOnlyList<(string Property, string Key, string LegacyKey)> All { get; } =
    [
        (nameof(UpstreamOptions.Url), "Upstream:Url", "Gateway:Upstream"),
        (nameof(UpstreamOptions.Username), "Upstream:Username", "Gateway:UpstreamUsername"),
        (nameof(UpstreamOptions.Password), "Upstream:Password", "Gateway:UpstreamPassword"),
        (nameof(UpstreamOptions.ApiKey), "Upstream:ApiKey", "Gateway:UpstreamApiKey"),
        (nameof(UpstreamOptions.CertificateFingerprint), "Upstream:CertificateFingerprint", "Gateway:UpstreamCertificateFingerprint"),
        (nameof(UpstreamOptions.ForwardedHeaders), "Upstream:ForwardedHeaders", "Gateway:ForwardedHeaders"),
    ];

    /// <summary>The legacy keys of <paramref name="configuration"/> whose value is used: set, while the new key is not.</summary>
    public static IReadOnlyList<(string Key, string LegacyKey)> InUse(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return All.Where(k => configuration[k.Key] is null && configuration[k.LegacyKey] is not null).Select(k => (k.Key, k.LegacyKey)).ToList();
    }

    /// <summary>The settings whose new and legacy keys are both set, to different values.</summary>
    public static IReadOnlyList<(string Key, string LegacyKey)> Conflicts(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return All
            .Where(k => configuration[k.Key] is { } value && configuration[k.LegacyKey] is { } legacy && !string.Equals(value, legacy, StringComparison.Ordinal))
            .Select(k => (k.Key, k.LegacyKey))
            .ToList();
    }

    /// <summary>The start-up validation error for <see cref="Conflicts"/> (never the values: they may hold a password), or null.</summary>
    public static string? ConflictError(IConfiguration configuration)
    {
        var conflicts = Conflicts(configuration);
        return conflicts.Count == 0
            ? null
            : string.Join("; ", conflicts.Select(c => $"{c.Key} and its former key {c.LegacyKey} are both set, to different values: keep {c.Key} and remove {c.LegacyKey}"));
    }

    /// <summary>Sets the properties of <paramref name="options"/> whose value comes from a legacy key (see <see cref="InUse"/>).</summary>
    public static void Apply(UpstreamOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inUse = InUse(configuration);
        if (inUse.Count == 0)
        {
            return;
        }

        // The binder converts the values (ForwardedHeaders is a bool) exactly as it does for the new keys.
        var legacy = All.Where(k => inUse.Any(u => u.LegacyKey == k.LegacyKey)).ToDictionary(k => k.Property, k => configuration[k.LegacyKey]);
        new ConfigurationBuilder().AddInMemoryCollection(legacy).Build().Bind(options);
    }
}
