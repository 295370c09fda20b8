using System.Threading.Channels;

namespace Gateway.Embeddings.Service;

/// <summary>
/// Micro-batching over a bounded channel: one loop takes the first waiting request, then collects more until
/// the batch is full or the batch window has passed since the first one, and hands the batch to the processor.
/// A full channel refuses new work at once (back-pressure instead of unbounded latency).
/// </summary>
internal sealed class EmbeddingBatcher : IAsyncDisposable
{
    private readonly Channel<EmbeddingWork> _channel;
    private readonly int _maxBatch;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Action<List<EmbeddingWork>> _process;
    private readonly Task _loop;
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
        _loop = Task.Run(LoopAsync);
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
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<EmbeddingWork>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            Drain(reader, batch);
            if (batch.Count < _maxBatch && _window > TimeSpan.Zero)
            {
                await CollectMoreAsync(reader, batch).ConfigureAwait(false);
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
    }

    private async Task CollectMoreAsync(ChannelReader<EmbeddingWork> reader, List<EmbeddingWork> batch)
    {
        using var timeout = new CancellationTokenSource(_window, _time);
        while (batch.Count < _maxBatch)
        {
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
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

    private void Drain(ChannelReader<EmbeddingWork> reader, List<EmbeddingWork> batch)
    {
        while (batch.Count < _maxBatch && reader.TryRead(out var work))
        {
            batch.Add(work);
        }
    }
}
