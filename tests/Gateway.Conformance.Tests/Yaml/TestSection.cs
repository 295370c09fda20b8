using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Yaml;

/// <summary>A setup, teardown or named test section: its prerequisites and its steps in order.</summary>
internal sealed record TestSection(string Name, Prerequisites Prerequisites, IReadOnlyList<IStep> Steps);
