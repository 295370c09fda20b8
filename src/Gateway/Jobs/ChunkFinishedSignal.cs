namespace Gateway.Jobs;

/// <summary>
/// Wakes a coordinating job on this gateway as soon as one of its chunks ends here, instead of at its next poll (the
/// coordinator still polls the shared storage for chunks that other gateways run).
/// </summary>
internal sealed class ChunkFinishedSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A chunk ended (succeeded or failed) on this gateway.</summary>
    public void Finished() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="Finished"/> or after <paramref name="poll"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken token)
    {
        var finished = Volatile.Read(ref _next).Task;
        try
        {
            await finished.WaitAsync(poll, time, token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The poll interval passed: look at the storage again.
        }
    }
}
