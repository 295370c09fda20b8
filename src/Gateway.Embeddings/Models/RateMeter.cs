namespace Gateway.Embeddings.Models;

/// <summary>Transfer rate and ETA over the bytes moved since the meter started (so a resumed part does not count).</summary>
internal sealed class RateMeter(TimeProvider time, long startBytes)
{
    private readonly long _started = time.GetTimestamp();
    private long _lastReport = time.GetTimestamp();

    public bool Due(TimeSpan interval)
    {
        if (time.GetElapsedTime(_lastReport) < interval)
        {
            return false;
        }
        _lastReport = time.GetTimestamp();
        return true;
    }

    public DownloadProgress Report(string name, long done, long? total, bool completed)
    {
        var seconds = time.GetElapsedTime(_started).TotalSeconds;
        var rate = seconds > 0 ? (done - startBytes) / seconds : 0;
        TimeSpan? eta = total is { } t && rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, t - done) / rate) : null;
        return new DownloadProgress(name, done, total, rate, completed ? TimeSpan.Zero : eta, completed);
    }
}
