namespace Gateway.Conformance.Tests.Runner;

/// <summary>The test uses something this runner does not implement; it is reported as unsupported, never passed.</summary>
internal sealed class UnsupportedException : Exception
{
    public UnsupportedException()
    {
    }

    public UnsupportedException(string message)
        : base(message)
    {
    }

    public UnsupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
