namespace Gateway.Conformance.Tests.Runner;

/// <summary>A step did not hold: an assertion failed or a request returned an unexpected status.</summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException()
    {
    }

    public StepFailedException(string message)
        : base(message)
    {
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
