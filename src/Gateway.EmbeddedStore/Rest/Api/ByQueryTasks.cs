using System.Collections.Concurrent;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// The store's background by-query runs (<c>wait_for_completion=false</c>) by task id, kept with their results for
/// the store's life; disposing the store cancels the ones still running.
/// </summary>
internal sealed class ByQueryTasks(TimeProvider time, string node) : IDisposable
{
    private readonly ConcurrentDictionary<string, ByQueryTask> _tasks = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private long _next;

    public TimeProvider Time => time;

    /// <summary>Cancelled when the store is disposed: background runs end there.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public ByQueryTask Create(string action, string description) =>
        new(node, Interlocked.Increment(ref _next), action, description, time.GetUtcNow().ToUnixTimeMilliseconds(), time.GetTimestamp());

    /// <summary>Keeps a begun task and stores its result when <paramref name="run"/> ends.</summary>
    public void Track(ByQueryTask task, Task<RestResponse> run)
    {
        _tasks[task.Id] = task;
        _ = run.ContinueWith(task.Complete, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public ByQueryTask? Find(string id) => _tasks.GetValueOrDefault(id);

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
