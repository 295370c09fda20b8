namespace Gateway.Conformance.Tests.Runner;

/// <summary>The outcome of one YAML test, with the reason or failing assertion.</summary>
internal sealed record TestResult(string File, string Test, TestStatus Status, string Message, bool Listed, IReadOnlyList<string> Notes)
{
    /// <summary>The group is the folder of the file: <c>bulk</c>, <c>indices.create</c>, <c>search.vectors</c> …</summary>
    public string Group => File.Contains('/', StringComparison.Ordinal) ? File[..File.IndexOf('/', StringComparison.Ordinal)] : File;
}
