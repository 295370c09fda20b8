using Gateway.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Jobs;

public sealed class ChunkFinishedSignalTests
{
    [Fact]
    public async Task Wait_EndsWhenAChunkFinishes_BeforeThePollInterval()
    {
        var time = new FakeTimeProvider();
        var signal = new ChunkFinishedSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        signal.Finished();

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Wait_EndsAfterThePollInterval_WhenNoChunkFinishesHere()
    {
        var time = new FakeTimeProvider();
        var signal = new ChunkFinishedSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromMilliseconds(500), time, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Wait_AfterAFinish_WaitsForTheNextOne()
    {
        var time = new FakeTimeProvider();
        var signal = new ChunkFinishedSignal();
        signal.Finished();

        var waiting = signal.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None);

        Assert.False(waiting.IsCompleted);
        signal.Finished();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Wait_IsCancelled_WithItsToken()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = new ChunkFinishedSignal().WaitAsync(TimeSpan.FromHours(1), new FakeTimeProvider(), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
