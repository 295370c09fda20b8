namespace Gateway.Embeddings.Tests.Service;

/// <summary>The system clock, except that its first reading blocks until <see cref="Release"/>: the service reads the
/// clock first thing in a load, so a load started meanwhile stays under way (holding the load lock) for as long as a
/// test needs, which the tiny test model would otherwise finish in milliseconds.</summary>
internal sealed class ClockThatHoldsTheLoad : TimeProvider, IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private int _readings;

    /// <summary>Set once the first reading is being held.</summary>
    public ManualResetEventSlim Held { get; } = new();

    public override long GetTimestamp()
    {
        if (Interlocked.Increment(ref _readings) == 1)
        {
            Held.Set();
            _release.Wait(TimeSpan.FromSeconds(60));
        }

        return System.GetTimestamp();
    }

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
        Held.Dispose();
    }
}
