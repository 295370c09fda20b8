using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary><c>exists</c> / <c>not_exists</c>: the path holds a non-null value (empty string, list or object count).</summary>
internal sealed class ExistsAssertion(int line, string field, bool expectExists) : IStep
{
    public int Line { get; } = line;

    public Task ExecuteAsync(TestExecutionContext context, CancellationToken cancellationToken)
    {
        var actual = context.Evaluate(field);
        if ((actual is not null) != expectExists)
        {
            var op = expectExists ? "exists" : "not_exists";
            throw new StepFailedException($"{op} (line {Line}) on [{field}]: was [{JsonValues.Show(actual)}]");
        }

        return Task.CompletedTask;
    }
}
