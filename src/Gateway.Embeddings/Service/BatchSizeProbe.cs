namespace Gateway.Embeddings.Service;

/// <summary>
/// Chooses a tower's batch size by timing: each candidate runs once to warm up (ONNX Runtime plans its memory per
/// shape on the first run) and once timed; the fastest per item wins, the smaller size on a tie. With a time budget,
/// sizes whose batch takes longer are left out (the smallest size is always allowed). Runs on synthetic input, so the
/// choice reflects this machine and this export, not the content.
/// </summary>
internal static class BatchSizeProbe
{
    /// <param name="tower">Named in the result.</param>
    /// <param name="candidates">Sizes to time, each at least 1.</param>
    /// <param name="run">Runs one batch of the given size.</param>
    /// <param name="time">The clock the runs are timed with.</param>
    /// <param name="budget">Longest batch allowed, or null for no limit.</param>
    public static BatchSizeChoice Choose(string tower, IReadOnlyList<int> candidates, Action<int> run, TimeProvider time, TimeSpan? budget = null)
    {
        var sizes = candidates.Where(c => c >= 1).Distinct().Order().ToList();
        if (sizes.Count == 0)
        {
            throw new ArgumentException("at least one batch size of 1 or more must be timed", nameof(candidates));
        }

        var timings = new List<BatchTiming>(sizes.Count);
        foreach (var size in sizes)
        {
            run(size);
            var started = time.GetTimestamp();
            run(size);
            timings.Add(new BatchTiming(size, time.GetElapsedTime(started).TotalMilliseconds));
            if (budget is { } limit && timings[^1].BatchMs > limit.TotalMilliseconds)
            {
                break; // larger sizes take longer still
            }
        }

        var allowed = timings.Where((t, i) => i == 0 || budget is not { } limit || t.BatchMs <= limit.TotalMilliseconds);
        var best = allowed.MinBy(t => t.BatchMs / t.Size)!;
        return new BatchSizeChoice(tower, best.Size, Measured: true, timings);
    }
}
