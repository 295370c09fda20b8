namespace Gateway.Conformance.Tests.Yaml;

/// <summary>The <c>requires</c> and <c>skip</c> sections of a test section, merged.</summary>
internal sealed class Prerequisites
{
    public static Prerequisites None { get; } = new();

    /// <summary>Runner features from <c>requires.test_runner_features</c> and the legacy <c>skip.features</c>.</summary>
    public List<string> RunnerFeatures { get; } = [];

    public List<string> RequiredClusterFeatures { get; } = [];

    public List<CapabilityCheck> Capabilities { get; } = [];

    public List<string> SkipVersionRanges { get; } = [];

    public List<string> SkipClusterFeatures { get; } = [];

    public List<(string Feature, string FixedBy)> KnownIssues { get; } = [];

    public List<string> SkipOs { get; } = [];

    public string? AwaitsFix { get; set; }

    public string? Reason { get; set; }

    public bool IsEmpty => RunnerFeatures.Count == 0 && RequiredClusterFeatures.Count == 0 && Capabilities.Count == 0
        && SkipVersionRanges.Count == 0 && SkipClusterFeatures.Count == 0 && KnownIssues.Count == 0
        && SkipOs.Count == 0 && AwaitsFix is null;
}
