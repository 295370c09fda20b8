namespace Gateway.Conformance.Tests.Yaml;

/// <summary>One entry of <c>requires.capabilities</c>: asked of the server through <c>GET /_capabilities</c>.</summary>
internal sealed record CapabilityCheck(
    string Method,
    string Path,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<string> Capabilities);
