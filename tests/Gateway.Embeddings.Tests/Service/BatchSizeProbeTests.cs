using Gateway.Embeddings.Service;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Embeddings.Tests.Service;

public sealed class BatchSizeProbeTests
{
    // A fake tower whose batch of n takes cost[n] ms on a fake clock: per item 100, 60, 50, 70 ms, so 4 is the fastest.
    private static readonly Dictionary<int, int> Cost = new() { [1] = 100, [2] = 120, [4] = 200, [8] = 560 };

    [Fact]
    public void ChoosesTheFastestPerItem()
    {
        var time = new FakeTimeProvider();
        var runs = new List<int>();

        var choice = BatchSizeProbe.Choose("vision", [8, 1, 4, 2], size => { runs.Add(size); time.Advance(TimeSpan.FromMilliseconds(Cost[size])); }, time);

        Assert.Equal(4, choice.Size);
        Assert.True(choice.Measured);
        Assert.Equal([1, 2, 4, 8], choice.Timings.Select(t => t.Size));
        Assert.Equal(50, choice.Timings.Single(t => t.Size == 4).BatchMs / 4);
        Assert.Equal([1, 1, 2, 2, 4, 4, 8, 8], runs); // a warm-up run, then the timed one
    }

    [Fact]
    public void ABudgetLeavesOutBatchesThatTakeTooLong()
    {
        var time = new FakeTimeProvider();

        var choice = BatchSizeProbe.Choose("vision", [1, 2, 4, 8], size => time.Advance(TimeSpan.FromMilliseconds(Cost[size])), time, TimeSpan.FromMilliseconds(150));

        Assert.Equal(2, choice.Size);
        Assert.Equal([1, 2, 4], choice.Timings.Select(t => t.Size)); // 4 took 200 ms: 8 is not tried
    }

    [Fact]
    public void TheSmallestSizeIsAllowedEvenOverBudget()
    {
        var time = new FakeTimeProvider();

        var choice = BatchSizeProbe.Choose("vision", [2, 4], size => time.Advance(TimeSpan.FromMilliseconds(Cost[size])), time, TimeSpan.FromMilliseconds(10));

        Assert.Equal(2, choice.Size);
    }
}
