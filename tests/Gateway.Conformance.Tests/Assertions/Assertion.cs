using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary>Base of the assertions that compare a response field with an expected value.</summary>
internal abstract class Assertion(int line, string op, string field, JsonNode? expected) : IStep
{
    public int Line { get; } = line;

    protected string Op { get; } = op;

    protected string Field { get; } = field;

    protected JsonNode? Expected { get; } = expected;

    public Task ExecuteAsync(TestExecutionContext context, CancellationToken cancellationToken)
    {
        var actual = context.Evaluate(Field);
        var expected = context.Stash.Replace(Expected);
        Check(context, actual, expected);
        return Task.CompletedTask;
    }

    protected abstract void Check(TestExecutionContext context, JsonNode? actual, JsonNode? expected);

    protected StepFailedException Fail(string detail) =>
        new($"{Op} (line {Line}) on [{Field}]: {detail}");
}
