namespace Gateway.Embeddings.Images;

/// <summary>
/// The shared limit on decodes in flight: every <see cref="ImageDecoder"/> built from the same
/// <see cref="ImageDecodeOptions"/> instance (thumbnails, previews, the model's preprocessor) waits here, so that a burst of
/// large images cannot hold more than <see cref="ImageDecodeOptions.MaxConcurrentDecodes"/> decoded pictures at once.
/// </summary>
internal sealed class DecodeGate(int limit)
{
    private readonly SemaphoreSlim _slots = new(limit, limit);
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Decodes inside the gate now; for tests and diagnostics.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most decodes seen inside the gate at once; for tests and diagnostics.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Takes a slot, waiting until one is free or <paramref name="cancellationToken"/> fires; disposing the result gives it back.</summary>
    public Slot Enter(CancellationToken cancellationToken)
    {
        _slots.Wait(cancellationToken);
        var now = Interlocked.Increment(ref _inFlight);
        var seen = Volatile.Read(ref _maxInFlight);
        while (now > seen && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
            seen = Volatile.Read(ref _maxInFlight);
        }
        return new Slot(this);
    }

    private void Exit()
    {
        Interlocked.Decrement(ref _inFlight);
        _slots.Release();
    }

    /// <summary>One decode's place inside the gate.</summary>
    public readonly struct Slot(DecodeGate gate) : IDisposable
    {
        public void Dispose() => gate.Exit();
    }
}
