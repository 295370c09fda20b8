using Hangfire.Server;

namespace Gateway.Jobs.Benchmarks;

/// <summary>
/// Tells the benchmark the moment a job has been performed, from inside Hangfire's server, so that waiting for the end
/// of a run does not itself query the job storage (polling PostgreSQL every 50 ms costs it CPU that InMemory does not
/// pay, and would be measured as PostgreSQL's overhead).
/// </summary>
internal sealed class JobPerformedSignal : IServerFilter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>Forgets every job: job ids start again at 1 in a fresh storage (one gateway host at a time).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _waiting.Clear();
        }
    }

    /// <summary>Completes when the job <paramref name="jobId"/> has been performed (whatever its outcome).</summary>
    public Task WhenPerformed(string jobId)
    {
        lock (_gate)
        {
            if (!_waiting.TryGetValue(jobId, out var done))
            {
                done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[jobId] = done;
            }

            return done.Task;
        }
    }

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            if (!_waiting.TryGetValue(context.BackgroundJob.Id, out var done))
            {
                done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[context.BackgroundJob.Id] = done;
            }

            done.TrySetResult();
        }
    }
}
