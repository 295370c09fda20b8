using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary><c>is_true</c> / <c>is_false</c> with the Java runner's truthiness.</summary>
internal sealed class TruthAssertion(int line, string field, bool expectTrue) : IStep
{
    public int Line { get; } = line;

    public Task ExecuteAsync(TestExecutionContext context, CancellationToken cancellationToken)
    {
        var actual = context.Evaluate(field);
        if (JsonValues.IsTruthy(actual) != expectTrue)
        {
            var op = expectTrue ? "is_true" : "is_false";
            throw new StepFailedException($"{op} (line {Line}) on [{field}]: was [{JsonValues.Show(actual)}]");
        }

        return Task.CompletedTask;
    }
}
