namespace Gateway.Conformance.Tests.Runner;

/// <summary>One executable step of a test section: a <c>do</c>, a <c>set</c> or an assertion.</summary>
internal interface IStep
{
    /// <summary>1-based line in the YAML file, for failure messages.</summary>
    int Line { get; }

    /// <summary>Runs the step; throws <see cref="StepFailedException"/> when it does not hold.</summary>
    Task ExecuteAsync(TestExecutionContext context, CancellationToken cancellationToken);
}
