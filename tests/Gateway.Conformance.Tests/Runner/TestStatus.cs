namespace Gateway.Conformance.Tests.Runner;

/// <summary>How one YAML test ended.</summary>
public enum TestStatus
{
    /// <summary>Every step held.</summary>
    Passed,

    /// <summary>A step did not hold.</summary>
    Failed,

    /// <summary>The test's own skip/requires section says it does not apply to the reported version.</summary>
    Skipped,

    /// <summary>Outside the supported subset: listed in unsupported.yaml, or uses a runner feature not implemented.</summary>
    Unsupported,
}
