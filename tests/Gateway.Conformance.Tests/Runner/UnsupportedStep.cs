namespace Gateway.Conformance.Tests.Runner;

/// <summary>An operator this runner does not implement (for example <c>transform_and_set</c>).</summary>
internal sealed class UnsupportedStep(int line, string op) : IStep
{
    public int Line { get; } = line;

    public Task ExecuteAsync(TestExecutionContext context, CancellationToken cancellationToken) =>
        throw new UnsupportedException($"runner does not support the [{op}] operator (line {Line})");
}
