using System.Threading.Channels;

namespace Gateway.Embeddings.Service;

/// <summary>
/// Micro-batching over a bounded channel: one loop takes the first waiting request, then collects more until
/// the batch is full or the batch window has passed since the first one, and hands the batch to the processor.
/// A full channel refuses new work at once (back-pressure instead of unbounded latency). The loop has a thread of
/// its own: inference is synchronous and takes up to seconds, and on the thread pool the two towers' loops could
/// hold both worker threads of a 2-core machine, stalling every request (health, proxied searches) until the pool
/// injected more threads (~0.5 s later).
/// </summary>
internal sealed class EmbeddingBatcher : IAsyncDisposable
{
    private readonly Channel<EmbeddingWork> _channel;
    private readonly int _maxBatch;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Action<List<EmbeddingWork>> _process;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _inBatch;

    public EmbeddingBatcher(int queueLimit, int maxBatch, TimeSpan window, TimeProvider time, Action<List<EmbeddingWork>> process)
    {
        _channel = Channel.CreateBounded<EmbeddingWork>(new BoundedChannelOptions(queueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _maxBatch = maxBatch;
        _window = window;
        _time = time;
        _process = process;
        new Thread(Loop) { IsBackground = true, Name = "embedding batcher" }.Start();
    }

    /// <summary>Requests waiting (not yet taken into a batch).</summary>
    public int Waiting => _channel.Reader.Count;

    /// <summary>Requests in the batch being processed now.</summary>
    public int InBatch => _inBatch;

    /// <summary>Queues <paramref name="work"/>; false when the queue is full.</summary>
    public bool TryEnqueue(EmbeddingWork work) => _channel.Writer.TryWrite(work);

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _stopped.Task.ConfigureAwait(false);
    }

    private void Loop()
    {
        try
        {
            var reader = _channel.Reader;
            var batch = new List<EmbeddingWork>(_maxBatch);
            while (Wait(reader.WaitToReadAsync()))
            {
                batch.Clear();
                Drain(reader, batch);
                if (batch.Count < _maxBatch && _window > TimeSpan.Zero)
                {
                    CollectMore(reader, batch);
                }

                if (batch.Count > 0)
                {
                    _inBatch = batch.Count;
                    try
                    {
                        _process(batch);
                    }
                    finally
                    {
                        _inBatch = 0;
                    }
                }
            }

            _stopped.TrySetResult();
        }
        catch (Exception e)
        {
            _stopped.TrySetException(e);
        }
    }

    private void CollectMore(ChannelReader<EmbeddingWork> reader, List<EmbeddingWork> batch)
    {
        using var timeout = new CancellationTokenSource(_window, _time);
        while (batch.Count < _maxBatch)
        {
            try
            {
                if (!Wait(reader.WaitToReadAsync(timeout.Token)))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Drain(reader, batch);
        }
    }

    /// <summary>Blocks the batcher's own thread until the channel answers (never a thread-pool thread).</summary>
    private static bool Wait(ValueTask<bool> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private void Drain(ChannelReader<EmbeddingWork> reader, List<EmbeddingWork> batch)
    {
        while (batch.Count < _maxBatch && reader.TryRead(out var work))
        {
            batch.Add(work);
        }
    }
}
