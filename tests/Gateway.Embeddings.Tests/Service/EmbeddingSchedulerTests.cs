using System.Collections.Concurrent;
using Gateway.Embeddings.Service;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Embeddings.Tests.Service;

public sealed class EmbeddingSchedulerTests
{
    [Fact]
    public async Task QueryIsServedBeforeQueuedIndexingImages()
    {
        // A slow fake tower: every image batch waits until the test lets it go.
        using var release = new SemaphoreSlim(0);
        var order = new ConcurrentQueue<string>();
        var firstBatchRunning = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scheduler = new EmbeddingScheduler(queueLimit: 100, [8, 2, 2], TimeSpan.Zero, TimeProvider.System, TimeSpan.Zero, (lane, batch, _) =>
        {
            if (lane != EmbeddingLane.Text)
            {
                firstBatchRunning.TrySetResult(batch.Count);
                release.Wait();
            }

            foreach (var work in batch)
            {
                order.Enqueue(work.Texts is { } texts ? string.Join("+", texts) : lane + ":" + work.Pixels![0]);
                work.Completion.TrySetResult([work.Pixels ?? [0f]]);
            }

            return true;
        });

        var album = Enumerable.Range(0, 10).Select(i => Image(scheduler, EmbeddingPriority.Indexing, i)).ToList();
        var running = await firstBatchRunning.Task;
        var queryImage = Image(scheduler, EmbeddingPriority.Query, 100);
        var query = Text(scheduler, "a", "photo", "of", "k2");
        release.Release(100);
        await Task.WhenAll([.. album, queryImage, query]);

        var served = order.ToList();
        // The batch that was running finishes first; then the query's prompts (one request, one batch), then the
        // query image, and only then the rest of the album.
        Assert.InRange(running, 1, 2);
        Assert.Equal(["a+photo+of+k2", "QueryImage:100", "IndexImage:" + running], served.Skip(running).Take(3));
        Assert.Equal(12, served.Count);
    }

    [Fact]
    public async Task BatchesAreCappedPerLaneAndPromptsAreNotSplit()
    {
        var batches = new ConcurrentQueue<(EmbeddingLane Lane, int Rows)>();
        using var gate = new ManualResetEventSlim(false);
        await using var scheduler = new EmbeddingScheduler(100, [3, 1, 2], TimeSpan.Zero, TimeProvider.System, TimeSpan.Zero, (lane, batch, _) =>
        {
            gate.Wait();
            batches.Enqueue((lane, batch.Sum(w => w.Count)));
            foreach (var work in batch)
            {
                work.Completion.TrySetResult([.. Enumerable.Repeat(new float[1], work.Count)]);
            }

            return true;
        });

        var first = Text(scheduler, "warm");
        var pending = new List<Task> { first, Text(scheduler, "a", "b"), Text(scheduler, "c", "d"), Text(scheduler, "e", "f", "g", "h") };
        pending.AddRange(Enumerable.Range(0, 5).Select(i => Image(scheduler, EmbeddingPriority.Indexing, i)));
        gate.Set();
        await Task.WhenAll(pending);

        var rows = batches.ToList();
        Assert.All(rows.Where(b => b.Lane == EmbeddingLane.IndexImage), b => Assert.True(b.Rows <= 2));
        // 4 prompts exceed the text batch of 3, yet they stay together; two requests of 2 never share a batch of 3.
        Assert.Contains((EmbeddingLane.Text, 4), rows);
        Assert.DoesNotContain((EmbeddingLane.Text, 5), rows);
        Assert.Equal(5, rows.Where(b => b.Lane == EmbeddingLane.IndexImage).Sum(b => b.Rows));
    }

    [Fact]
    public async Task FullLaneRefusesWithoutLosingAcceptedWork()
    {
        using var gate = new ManualResetEventSlim(false);
        await using var scheduler = new EmbeddingScheduler(2, [1, 1, 1], TimeSpan.Zero, TimeProvider.System, TimeSpan.Zero, (lane, batch, _) =>
        {
            gate.Wait();
            foreach (var work in batch)
            {
                work.Completion.TrySetResult([[1f]]);
            }

            return true;
        });

        var accepted = Enumerable.Range(0, 10).Select(i => EmbeddingWork.ForTexts(["t" + i], CancellationToken.None)).Where(scheduler.TryEnqueue).ToList();
        gate.Set();
        await Task.WhenAll(accepted.Select(w => w.Completion.Task));

        Assert.InRange(accepted.Count, 2, 3); // one may already be in the running batch, two wait
    }

    [Fact]
    public async Task QueryStopsTheRunningIndexingBatchWhichRunsAgainAfterIt()
    {
        var runs = new ConcurrentQueue<string>();
        var indexing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scheduler = new EmbeddingScheduler(100, [8, 2, 2], TimeSpan.Zero, TimeProvider.System, TimeSpan.Zero, (lane, batch, preempt) =>
        {
            var what = lane + ":" + string.Join(",", batch.Select(w => w.Texts is { } t ? string.Join("+", t) : w.Pixels![0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (lane == EmbeddingLane.IndexImage && !batch[0].Preempted)
            {
                // A long image batch that only a preemption ends (the real tower stops through ONNX Runtime's terminate flag).
                indexing.TrySetResult();
                if (preempt.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)))
                {
                    runs.Enqueue(what + " stopped");
                    return false;
                }

                what += " never stopped"; // without preemption the test fails on the order instead of hanging
            }

            runs.Enqueue(what);
            foreach (var work in batch)
            {
                work.Completion.TrySetResult([work.Pixels ?? [0f]]);
            }

            return true;
        });

        var album = new List<Task<float[][]>> { Image(scheduler, EmbeddingPriority.Indexing, 0) };
        await indexing.Task;
        album.Add(Image(scheduler, EmbeddingPriority.Indexing, 1));
        var query = Text(scheduler, "k2");
        await Task.WhenAll([.. album, query]);

        // The stopped batch goes back to the head of its lane and, marked, runs to the end with the image behind it.
        Assert.Equal(["IndexImage:0 stopped", "Text:k2", "IndexImage:0,1"], runs.ToList());
    }

    [Fact]
    public async Task QueriesStopTheSameIndexingBatchAgainUntilTheLongestDelayHasPassed()
    {
        var time = new FakeTimeProvider();
        var runs = new ConcurrentQueue<string>();
        using var indexing = new SemaphoreSlim(0);
        using var finish = new ManualResetEventSlim();
        await using var scheduler = new EmbeddingScheduler(100, [8, 2, 2], TimeSpan.Zero, time, TimeSpan.FromSeconds(2), (lane, batch, preempt) =>
        {
            if (lane == EmbeddingLane.IndexImage)
            {
                // A long image batch: it ends when the test lets it finish, unless a query stops it first.
                indexing.Release();
                if (WaitHandle.WaitAny([preempt.WaitHandle, finish.WaitHandle], TimeSpan.FromSeconds(30)) == 0)
                {
                    runs.Enqueue("IndexImage stopped");
                    return false;
                }
            }

            runs.Enqueue(lane == EmbeddingLane.IndexImage ? "IndexImage done" : "Text:" + batch[0].Texts![0]);
            foreach (var work in batch)
            {
                work.Completion.TrySetResult([work.Pixels ?? [0f]]);
            }

            return true;
        });

        var image = Image(scheduler, EmbeddingPriority.Indexing, 0);
        await indexing.WaitAsync();
        await Text(scheduler, "first"); // stops the batch
        await indexing.WaitAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await Text(scheduler, "second"); // within the delay: stops it again
        await indexing.WaitAsync();
        time.Advance(TimeSpan.FromSeconds(1.5));
        var third = Text(scheduler, "third"); // the batch has been held back 2.5 s: it is no longer stopped
        finish.Set();
        await Task.WhenAll(image, third);

        Assert.Equal(["IndexImage stopped", "Text:first", "IndexImage stopped", "Text:second", "IndexImage done", "Text:third"], runs.ToList());
    }

    [Fact]
    public async Task IndexingWaitsForQueriesToFinishOrForTheLongestDelay()
    {
        var time = new FakeTimeProvider();
        using var release = new SemaphoreSlim(0);
        await using var scheduler = new EmbeddingScheduler(100, [8, 2, 2], TimeSpan.Zero, time, TimeSpan.FromSeconds(2), (lane, batch, _) =>
        {
            release.Wait();
            foreach (var work in batch)
            {
                work.Completion.TrySetResult([[0f]]);
            }

            return true;
        });

        Assert.True(scheduler.WhenQueriesIdleAsync(TimeSpan.FromSeconds(2), CancellationToken.None).IsCompleted);

        var query = Text(scheduler, "k2");
        var idle = scheduler.WhenQueriesIdleAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.False(idle.IsCompleted);
        release.Release();
        await query;
        await idle.WaitAsync(TimeSpan.FromSeconds(30));

        var slow = Text(scheduler, "everest");
        var capped = scheduler.WhenQueriesIdleAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(capped.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.5));
        await capped.WaitAsync(TimeSpan.FromSeconds(30)); // the query still runs: indexing goes on anyway
        Assert.False(slow.IsCompleted);
        release.Release();
        await slow;
    }

    [Fact]
    public async Task QueriesDoNotWaitForTheBatchWindowButAlbumImagesDo()
    {
        // A window of an hour on a clock that never moves: whatever waits for it waits for ever.
        var time = new FakeTimeProvider();
        var batches = new ConcurrentQueue<(EmbeddingLane Lane, int Rows)>();
        await using var scheduler = new EmbeddingScheduler(100, [8, 8, 8], TimeSpan.FromHours(1), time, TimeSpan.Zero, (lane, batch, _) =>
        {
            batches.Enqueue((lane, batch.Count));
            foreach (var work in batch)
            {
                work.Completion.TrySetResult([work.Pixels ?? [0f]]);
            }

            return true;
        });

        // A lone query text and a lone query image are answered at once (the old scheduler held both for the window).
        await Text(scheduler, "prayer flags").WaitAsync(TimeSpan.FromSeconds(30));
        await Image(scheduler, EmbeddingPriority.Query, 7).WaitAsync(TimeSpan.FromSeconds(30));

        // Album images wait for more: the second joins the first's batch, and the batch runs when the window ends.
        var album = Task.WhenAll(Image(scheduler, EmbeddingPriority.Indexing, 1), Image(scheduler, EmbeddingPriority.Indexing, 2));
        for (var i = 0; i < 3000 && !album.IsCompleted; i++)
        {
            // The window's timer starts on the scheduler's thread; move the clock until it has started and ended.
            time.Advance(TimeSpan.FromHours(1));
            await Task.Delay(10);
        }

        await album.WaitAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([(EmbeddingLane.Text, 1), (EmbeddingLane.QueryImage, 1), (EmbeddingLane.IndexImage, 2)], batches.ToList());
    }

    private static Task<float[][]> Image(EmbeddingScheduler scheduler, EmbeddingPriority priority, int id)
    {
        var work = EmbeddingWork.ForImage([id], priority, CancellationToken.None);
        Assert.True(scheduler.TryEnqueue(work));
        return work.Completion.Task;
    }

    private static Task<float[][]> Text(EmbeddingScheduler scheduler, params string[] texts)
    {
        var work = EmbeddingWork.ForTexts(texts, CancellationToken.None);
        Assert.True(scheduler.TryEnqueue(work));
        return work.Completion.Task;
    }
}
