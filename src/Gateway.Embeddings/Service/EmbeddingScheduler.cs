namespace Gateway.Embeddings.Service;

/// <summary>
/// One loop, one thread, three lanes in priority order (<see cref="EmbeddingLane"/>): before every batch it takes the
/// highest lane that has work, so a query's texts or image never wait behind queued indexing images. A query that
/// arrives while an indexing batch runs stops that batch (ONNX Runtime's terminate flag, through the token the
/// processor gets) and the batch goes back to the head of its lane. A stopped batch may be stopped again by later
/// queries until <c>maxIndexingDelay</c> has passed since its first stop; after that it runs to the end, so indexing
/// always progresses (at least one batch per delay, however many queries arrive) while a query waits for an indexing
/// batch only when queries have kept indexing from running for that long. Other batches are not stopped: a query
/// waits at most for them (whose size the service bounds). Callers that prepare indexing work (decoding) can wait
/// for <see cref="WhenQueriesIdleAsync"/> so that they do not take the cores from a query. Text and vision never run at the same
/// time: on a 2-core machine two ONNX sessions running at once share the cores and both slow down. An indexing batch
/// collects more album images until it is full or the batch window has passed (stopping early when a query arrives);
/// a query batch takes what its lane holds at once and never waits for the window. Each lane refuses work beyond its
/// queue limit at once (back-pressure instead of unbounded latency). The loop has a thread of its own: inference is synchronous and takes up to seconds, and on the thread
/// pool it would hold one of the two worker threads of a 2-core machine.
/// </summary>
internal sealed class EmbeddingScheduler : IAsyncDisposable
{
    private static readonly int LaneCount = Enum.GetValues<EmbeddingLane>().Length;

    private readonly Queue<EmbeddingWork>[] _queues = [.. Enumerable.Range(0, LaneCount).Select(_ => new Queue<EmbeddingWork>())];
    private readonly int[] _waiting = new int[LaneCount];
    private readonly int[] _batchSizes;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly int _queueLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Func<EmbeddingLane, List<EmbeddingWork>, CancellationToken, bool> _process;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private volatile int _inBatch;
    private volatile int _runningLane = -1;
    private readonly TimeSpan _maxIndexingDelay;
    private CancellationTokenSource? _preempt;
    private List<EmbeddingWork>? _preemptible;
    private int _queriesInFlight;
    private TaskCompletionSource _queriesIdle = NewCompletedSignal();

    /// <param name="queueLimit">Rows each lane lets wait.</param>
    /// <param name="batchSizes">Most rows per batch, per lane (index = <see cref="EmbeddingLane"/>).</param>
    /// <param name="window">How long an indexing batch waits for more album images after its first one.</param>
    /// <param name="time">The clock of the batch window and of <paramref name="maxIndexingDelay"/>.</param>
    /// <param name="maxIndexingDelay">How long queries may keep stopping the same indexing batch; zero: a stopped batch is
    /// never stopped again.</param>
    /// <param name="process">Runs one batch of one lane; false when the token stopped it before it completed its callers
    /// (the batch is queued again).</param>
    public EmbeddingScheduler(
        int queueLimit, int[] batchSizes, TimeSpan window, TimeProvider time, TimeSpan maxIndexingDelay, Func<EmbeddingLane, List<EmbeddingWork>, CancellationToken, bool> process)
    {
        _maxIndexingDelay = maxIndexingDelay;
        ArgumentOutOfRangeException.ThrowIfNotEqual(batchSizes.Length, LaneCount);
        _queueLimit = queueLimit;
        _batchSizes = [.. batchSizes];
        _window = window;
        _time = time;
        _process = process;
        new Thread(Loop) { IsBackground = true, Name = "embedding scheduler" }.Start();
    }

    /// <summary>Rows waiting in <paramref name="lane"/> (not yet taken into a batch).</summary>
    public int Waiting(EmbeddingLane lane) => Volatile.Read(ref _waiting[(int)lane]);

    /// <summary>Rows in the batch of <paramref name="lane"/> being processed now.</summary>
    public int InBatch(EmbeddingLane lane) => _runningLane == (int)lane ? _inBatch : 0;

    /// <summary>
    /// Completes when no query (text or query image) is queued or running, or after <paramref name="maxWait"/>; indexing
    /// work waits here before it decodes, so that a query's forward does not share the cores with an album's decoding.
    /// </summary>
    public Task WhenQueriesIdleAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Task idle;
        lock (_lock)
        {
            idle = _queriesIdle.Task;
        }

        return idle.IsCompleted ? Task.CompletedTask : WaitAsync(idle, maxWait, cancellationToken);
    }

    /// <summary>Whether <paramref name="lane"/> has no room for one more row.</summary>
    public bool IsFull(EmbeddingLane lane) => Waiting(lane) >= _queueLimit;

    /// <summary>Queues <paramref name="work"/>; false when its lane is full (a request larger than the limit is taken into an empty lane).</summary>
    public bool TryEnqueue(EmbeddingWork work)
    {
        var lane = (int)work.Lane;
        lock (_lock)
        {
            if (_stopping || (_waiting[lane] > 0 && _waiting[lane] + work.Count > _queueLimit))
            {
                return false;
            }

            _queues[lane].Enqueue(work);
            _waiting[lane] += work.Count;
            EmbeddingTelemetry.Queued(work.Lane, work.Count);
            if (work.Lane != EmbeddingLane.IndexImage)
            {
                if (_queriesInFlight++ == 0)
                {
                    _queriesIdle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                if (_preempt is { IsCancellationRequested: false } preempt && _preemptible!.All(MayStop))
                {
                    preempt.Cancel();
                }
            }
        }

        _signal.Release();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _signal.Release();
        await _stopped.Task.ConfigureAwait(false);
        _signal.Dispose();
    }

    private void Loop()
    {
        try
        {
            var batch = new List<EmbeddingWork>();
            while (true)
            {
                if (HighestWaiting() is not { } lane)
                {
                    if (_stopping)
                    {
                        break;
                    }

                    _signal.Wait();
                    continue;
                }

                batch.Clear();
                var rows = Drain(lane, batch, 0);
                // Only album images wait for more work. A query takes what is queued when the tower is free: requests that
                // arrive during a forward still share the next batch, and a lone query does not pay the window (on a CPU
                // a batch of N texts costs about N single forwards, so waiting would buy it nothing).
                if (lane == EmbeddingLane.IndexImage && rows < _batchSizes[(int)lane] && _window > TimeSpan.Zero && !_stopping)
                {
                    CollectMore(lane, batch, rows);
                }

                _inBatch = batch.Sum(w => w.Count);
                _runningLane = (int)lane;
                using var preempt = new CancellationTokenSource();
                // An indexing batch may be stopped unless queries have held it back for the longest delay allowed.
                var stoppable = lane == EmbeddingLane.IndexImage && batch.All(MayStop);
                lock (_lock)
                {
                    _preempt = stoppable ? preempt : null;
                    _preemptible = stoppable ? batch : null;
                    if (stoppable && (_queues[(int)EmbeddingLane.Text].Count > 0 || _queues[(int)EmbeddingLane.QueryImage].Count > 0))
                    {
                        preempt.Cancel();
                    }
                }

                bool done;
                try
                {
                    done = _process(lane, batch, stoppable ? preempt.Token : CancellationToken.None);
                }
                finally
                {
                    lock (_lock)
                    {
                        _preempt = null;
                        _preemptible = null;
                    }

                    _runningLane = -1;
                    _inBatch = 0;
                    if (lane != EmbeddingLane.IndexImage)
                    {
                        QueriesDone(batch.Count);
                    }
                }

                if (!done)
                {
                    Requeue(lane, batch);
                }
            }

            _stopped.TrySetResult();
        }
        catch (Exception e)
        {
            _stopped.TrySetException(e);
        }
    }

    /// <summary>Puts a stopped batch back at the head of its lane, marked so that it is not stopped again.</summary>
    private void Requeue(EmbeddingLane lane, List<EmbeddingWork> batch)
    {
        lock (_lock)
        {
            var queue = _queues[(int)lane];
            var rest = queue.ToArray();
            queue.Clear();
            var now = _time.GetTimestamp();
            foreach (var work in batch)
            {
                work.MarkStopped(now);
                queue.Enqueue(work);
                _waiting[(int)lane] += work.Count;
                EmbeddingTelemetry.Queued(lane, work.Count);
            }

            foreach (var work in rest)
            {
                queue.Enqueue(work);
            }
        }
    }

    private bool MayStop(EmbeddingWork work) =>
        work.FirstStoppedAt is not { } first || _time.GetElapsedTime(first) < _maxIndexingDelay;

    private void QueriesDone(int count)
    {
        lock (_lock)
        {
            _queriesInFlight -= count;
            if (_queriesInFlight == 0)
            {
                _queriesIdle.TrySetResult();
            }
        }
    }

    private async Task WaitAsync(Task idle, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        try
        {
            await idle.WaitAsync(maxWait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Queries have kept the cores busy for maxWait: indexing goes on anyway.
        }
    }

    private static TaskCompletionSource NewCompletedSignal()
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.SetResult();
        return signal;
    }

    private EmbeddingLane? HighestWaiting()
    {
        lock (_lock)
        {
            for (var lane = 0; lane < LaneCount; lane++)
            {
                if (_queues[lane].Count > 0)
                {
                    return (EmbeddingLane)lane;
                }
            }
        }

        return null;
    }

    private void CollectMore(EmbeddingLane lane, List<EmbeddingWork> batch, int rows)
    {
        using var timeout = new CancellationTokenSource(_window, _time);
        while (rows < _batchSizes[(int)lane] && !_stopping)
        {
            try
            {
                _signal.Wait(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (HighestWaiting() < lane)
            {
                // A query arrived: run what this batch has now rather than keep it waiting for the window.
                return;
            }

            var more = Drain(lane, batch, rows);
            if (more == rows && _queues[(int)lane].Count > 0)
            {
                return; // the next request does not fit: the batch is as full as it gets
            }

            rows = more;
        }
    }

    /// <summary>Moves whole requests from <paramref name="lane"/> into <paramref name="batch"/> while they fit (the first always does).</summary>
    private int Drain(EmbeddingLane lane, List<EmbeddingWork> batch, int rows)
    {
        var max = _batchSizes[(int)lane];
        lock (_lock)
        {
            var queue = _queues[(int)lane];
            while (queue.TryPeek(out var work) && (rows == 0 || rows + work.Count <= max))
            {
                queue.Dequeue();
                _waiting[(int)lane] -= work.Count;
                EmbeddingTelemetry.Queued(lane, -work.Count);
                batch.Add(work);
                rows += work.Count;
            }
        }

        return rows;
    }
}
