using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// The counters and failures of a <c>_delete_by_query</c>, <c>_update_by_query</c> or <c>_reindex</c>, rendered as
/// Elasticsearch's <c>BulkByScrollResponse</c>; the HTTP status is the worst failure's, else 200.
/// </summary>
internal sealed class ByQueryOutcome
{
    public long Total { get; set; }

    public long Created { get; set; }

    public long Updated { get; set; }

    public long Deleted { get; set; }

    public long VersionConflicts { get; set; }

    public long Noops { get; set; }

    public int BatchSize { get; init; } = 1000;

    public List<JsonObject> Failures { get; } = [];

    /// <summary>Documents per second the run is held to; <see cref="float.PositiveInfinity"/> when unthrottled.</summary>
    public float RequestsPerSecond
    {
        get => Volatile.Read(ref _requestsPerSecond);
        init => _requestsPerSecond = value;
    }

    /// <summary>Time spent waiting between batches to keep to <see cref="RequestsPerSecond"/>.</summary>
    public TimeSpan Throttled { get; private set; }

    // When the current batch began (a TimeProvider timestamp), for the throttle's wait before the next one.
    private long _batchStarted;
    private float _requestsPerSecond = float.PositiveInfinity;

    // The throttle's current wait, cut short by a rethrottle; guarded by _gate.
    private readonly Lock _gate = new();
    private CancellationTokenSource? _wait;

    // Items taken so far, and where the run ends when a failure stopped it (the end of that item's batch).
    private long _items;
    private long? _stopAt;

    /// <summary>Takes the next item; false when a failure stopped the run and its batch is done.</summary>
    public bool NextItem()
    {
        if (_items >= _stopAt)
        {
            return false;
        }

        _items++;
        return true;
    }

    /// <summary>
    /// Called before each item: at a batch boundary waits as Elasticsearch's throttle does, so that a batch of
    /// <see cref="BatchSize"/> documents takes at least <c>BatchSize / RequestsPerSecond</c> seconds from its start to
    /// the next batch's start. No wait before the first batch, after the last, or once a failure stopped the run.
    /// </summary>
    public async ValueTask PaceAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        if (_items % BatchSize != 0 || _items >= _stopAt)
        {
            return;
        }

        if (_items > 0 && _items < Total)
        {
            var waitStarted = time.GetTimestamp();
            while (true)
            {
                // Published before the rate is read, so a rethrottle in between still cuts this wait short.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                lock (_gate)
                {
                    _wait = wait;
                }

                var perSecond = RequestsPerSecond;
                var left = float.IsFinite(perSecond)
                    ? TimeSpan.FromMilliseconds(Math.Min(int.MaxValue - 1, BatchSize / (double)perSecond * 1000)) - time.GetElapsedTime(_batchStarted)
                    : TimeSpan.Zero;
                try
                {
                    if (left > TimeSpan.Zero)
                    {
                        await Task.Delay(left, time, wait.Token).ConfigureAwait(false);
                    }

                    break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Rethrottled: the wait is worked out again from the batch's start at the new rate.
                }
                finally
                {
                    lock (_gate)
                    {
                        _wait = null;
                    }
                }
            }

            Throttled += time.GetElapsedTime(waitStarted);
        }

        _batchStarted = time.GetTimestamp();
    }

    /// <summary>Changes the rate of a running run (<c>_rethrottle</c>); a wait in progress is worked out again.</summary>
    public void Rethrottle(float requestsPerSecond)
    {
        Volatile.Write(ref _requestsPerSecond, requestsPerSecond);
        lock (_gate)
        {
            _wait?.Cancel();
        }
    }

    /// <summary>A failure stops the run: the rest of the current item's batch is still written (one bulk request in
    /// Elasticsearch), no later batch is.</summary>
    public void StopAfterThisBatch() => _stopAt ??= ((_items - 1) / BatchSize + 1) * BatchSize;

    public int Status => Failures.Count == 0 ? 200 : Failures.Max(f => f["status"]!.GetValue<int>());

    public void Fail(string index, string id, StoreError error) => Failures.Add(new JsonObject
    {
        ["index"] = index,
        ["id"] = id,
        ["cause"] = ErrorRenderer.Cause(error, includeRootCause: false),
        ["status"] = error.Status,
    });

    public JsonObject Render(long tookMillis, bool created, bool updated, bool deleted)
    {
        var json = new JsonObject
        {
            ["took"] = tookMillis,
            ["timed_out"] = false,
            ["total"] = Total,
        };
        if (updated)
        {
            json["updated"] = Updated;
        }

        if (created)
        {
            json["created"] = Created;
        }

        if (deleted)
        {
            json["deleted"] = Deleted;
        }

        json["batches"] = (Math.Min(Total, _stopAt ?? Total) + BatchSize - 1) / BatchSize;
        json["version_conflicts"] = VersionConflicts;
        json["noops"] = Noops;
        json["retries"] = new JsonObject { ["bulk"] = 0, ["search"] = 0 };
        json["throttled_millis"] = (long)Throttled.TotalMilliseconds;
        json["requests_per_second"] = float.IsFinite(RequestsPerSecond) ? RequestsPerSecond : -1.0f;
        json["throttled_until_millis"] = 0;
        json["failures"] = new JsonArray(Failures.Select(f => (JsonNode)f).ToArray());
        return json;
    }
}
