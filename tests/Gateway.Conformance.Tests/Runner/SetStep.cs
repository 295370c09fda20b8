namespace Gateway.Conformance.Tests.Runner;

/// <summary><c>set: { path: name }</c>: stashes a value of the last response.</summary>
internal sealed class SetStep(int line, string path, string name) : IStep
{
    public int Line { get; } = line;

    public Task ExecuteAsync(TestExecutionContext context, CancellationToken cancellationToken)
    {
        var value = context.Evaluate(path);
        if (value is null)
        {
            throw new StepFailedException($"set (line {Line}): [{path}] is missing from the response, cannot stash [{name}]");
        }

        context.Stash.Set(name, value.DeepClone());
        return Task.CompletedTask;
    }
}
