namespace Gateway.Conformance.Tests.Yaml;

/// <summary>One parsed YAML REST test file: optional setup and teardown plus the named tests.</summary>
internal sealed record YamlTestFile(
    string RelativePath,
    TestSection? Setup,
    TestSection? Teardown,
    IReadOnlyList<TestSection> Tests);
