using System.Globalization;
using Gateway.Conformance.Tests.Assertions;
using Gateway.Conformance.Tests.Yaml;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>Decides whether a section runs, is skipped (does not apply) or is unsupported, from its requires/skip.</summary>
internal sealed class PrerequisiteEvaluator(ConformanceClient client, ServerInfo server, bool embedded)
{
    private readonly Dictionary<string, bool> _capabilities = new(StringComparer.Ordinal);

    /// <summary>Null when the section runs; otherwise the status and reason.</summary>
    public async Task<(TestStatus Status, string Reason)?> EvaluateAsync(Prerequisites prerequisites, CancellationToken cancellationToken)
    {
        var reason = prerequisites.Reason is null ? string.Empty : $" ({prerequisites.Reason})";
        if (prerequisites.AwaitsFix is { } awaitsFix)
        {
            return (TestStatus.Skipped, $"awaits fix {awaitsFix}{reason}");
        }

        var missingRunner = prerequisites.RunnerFeatures.Where(f => !RunnerFeatures.Supported.Contains(f)).ToList();
        if (missingRunner.Count > 0)
        {
            return (TestStatus.Unsupported, $"runner feature(s) not implemented: {string.Join(", ", missingRunner)}");
        }

        foreach (var feature in prerequisites.RequiredClusterFeatures)
        {
            if (!ClusterFeatures.IsPresent(feature, server.Version, embedded, out var why))
            {
                return why is null
                    ? (TestStatus.Skipped, $"requires {feature}, server is {server.VersionText}{reason}")
                    : (TestStatus.Unsupported, why);
            }
        }

        foreach (var check in prerequisites.Capabilities)
        {
            if (!await HasCapabilityAsync(check, cancellationToken))
            {
                return (TestStatus.Unsupported, $"server does not report capabilities [{string.Join(", ", check.Capabilities)}] for {check.Method} {check.Path}");
            }
        }

        foreach (var range in prerequisites.SkipVersionRanges)
        {
            if (VersionRanges.Contains(range, server.Version))
            {
                return (TestStatus.Skipped, $"skip.version [{range}] contains {server.VersionText}{reason}");
            }
        }

        foreach (var feature in prerequisites.SkipClusterFeatures)
        {
            if (ClusterFeatures.IsPresent(feature, server.Version, embedded, out _))
            {
                return (TestStatus.Skipped, $"skip.cluster_features [{feature}] is present{reason}");
            }
        }

        foreach (var (feature, fixedBy) in prerequisites.KnownIssues)
        {
            if (ClusterFeatures.IsPresent(feature, server.Version, embedded, out _) && !ClusterFeatures.IsPresent(fixedBy, server.Version, embedded, out _))
            {
                return (TestStatus.Skipped, $"known issue [{feature}] not fixed by [{fixedBy}]{reason}");
            }
        }

        return prerequisites.SkipOs.Count > 0
            ? (TestStatus.Unsupported, "skip.os needs the skip_os runner feature")
            : null;
    }

    private async Task<bool> HasCapabilityAsync(CapabilityCheck check, CancellationToken cancellationToken)
    {
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"/_capabilities?method={check.Method}&path={Uri.EscapeDataString(check.Path)}&capabilities={Uri.EscapeDataString(string.Join(",", check.Capabilities))}");
        if (check.Parameters.Count > 0)
        {
            query += "&parameters=" + Uri.EscapeDataString(string.Join(",", check.Parameters));
        }

        if (_capabilities.TryGetValue(query, out var known))
        {
            return known;
        }

        var response = await client.SendAsync("GET", query, cancellationToken: cancellationToken);
        var supported = !response.IsError && ObjectPath.Evaluate(response.Body, ["supported"])?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        _capabilities[query] = supported;
        return supported;
    }
}
