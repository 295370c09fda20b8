using System.Runtime.CompilerServices;
using Gateway.Embeddings.Onnx;
using Gateway.Embeddings.Vectors;
using Microsoft.Extensions.Logging;

namespace Gateway.Embeddings.Service;

/// <summary>Runs one batch of one lane: the texts of every request through the text tower (a request's texts in the same
/// forward), or the images through the vision tower; each output row L2-normalised and handed to its caller. Requests
/// cancelled while they waited are skipped. A batch stopped by its preemption token (a query arrived) completes nobody
/// and reports false, so that the scheduler queues it again.</summary>
internal sealed class BatchProcessor(SiglipModel model, ILogger logger, TimeProvider time)
{
    private readonly List<EmbeddingWork> _live = [];
    private readonly List<float[]> _vectors = [];
    private string _outcome = "completed";

    public bool Process(EmbeddingLane lane, List<EmbeddingWork> batch, CancellationToken preempt)
    {
        var started = time.GetTimestamp();
        _live.Clear();
        foreach (var work in batch)
        {
            if (work.CancellationToken.IsCancellationRequested)
            {
                work.Completion.TrySetCanceled(work.CancellationToken);
            }
            else
            {
                _live.Add(work);
            }
        }

        if (_live.Count == 0)
        {
            return true;
        }

        using var activity = EmbeddingTelemetry.StartBatch(lane, _live);
        int rows;
        bool done;
        if (lane == EmbeddingLane.Text)
        {
            var texts = _live.SelectMany(w => w.Texts!).ToList();
            rows = texts.Count;
            done = Run(model.Text, texts, (text, slot) => model.Tokenizer.Encode(text, slot), preempt);
        }
        else
        {
            rows = _live.Count;
            done = Run(model.Vision, _live.Select(w => w.Pixels!).ToList(), (pixels, slot) => pixels.AsSpan().CopyTo(slot), preempt);
        }

        var elapsed = time.GetElapsedTime(started);
        EmbeddingLog.BatchDone(logger, lane.ToString(), rows, done, elapsed.TotalMilliseconds);
        EmbeddingTelemetry.BatchDone(activity, lane, rows, _outcome, elapsed);
        return done;
    }

    private bool Run<TItem, T>(OnnxEncoder<T> encoder, List<TItem> items, SlotWriter<TItem, T> fill, CancellationToken preempt)
        where T : unmanaged
    {
        _outcome = "completed";
        try
        {
            _vectors.Clear();
            // A request never has more rows than the encoder's buffers are sized for, but a group of prompts may: run it in chunks.
            for (var offset = 0; offset < items.Count; offset += encoder.MaxBatch)
            {
                var count = Math.Min(encoder.MaxBatch, items.Count - offset);
                for (var i = 0; i < count; i++)
                {
                    fill(items[offset + i], encoder.InputFor(i));
                }

                var output = RunUnlessAllCancel(encoder, count, _live, preempt);
                var d = encoder.Dimensions;
                for (var i = 0; i < count; i++)
                {
                    var vector = output.Slice(i * d, d).ToArray();
                    VectorMath.NormalizeInPlace(vector);
                    _vectors.Add(vector);
                }
            }

            var next = 0;
            foreach (var work in _live)
            {
                work.Completion.TrySetResult([.. _vectors.Skip(next).Take(work.Count)]);
                next += work.Count;
            }

            return true;
        }
        catch (OperationCanceledException) when (preempt.IsCancellationRequested && _live.Any(w => !w.CancellationToken.IsCancellationRequested))
        {
            _outcome = "preempted";
            return false; // a query came first: the scheduler runs this batch again
        }
        catch (OperationCanceledException)
        {
            // Every caller of this batch had gone; nobody is waiting for an error.
            _outcome = "cancelled";
            foreach (var work in _live)
            {
                work.Completion.TrySetCanceled(work.CancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The loop must survive a failing batch; its callers get the error (a broken model is not an expected failure).
            _outcome = "failed";
            EmbeddingLog.BatchFailed(logger, ex);
            foreach (var work in _live)
            {
                work.Completion.TrySetException(ex);
            }
        }

        return true;
    }

    // A long batch (seconds for 32 photos) is stopped when every caller in it has gone (one remaining caller keeps it),
    // or when the scheduler preempts it for a query.
    private static ReadOnlySpan<float> RunUnlessAllCancel<T>(OnnxEncoder<T> encoder, int count, List<EmbeddingWork> works, CancellationToken preempt)
        where T : unmanaged
    {
        using var allGone = CancellationTokenSource.CreateLinkedTokenSource(preempt);
        var remaining = new StrongBox<int>(works.Count);
        var registrations = new CancellationTokenRegistration[works.Count];
        try
        {
            for (var i = 0; i < works.Count; i++)
            {
                registrations[i] = works[i].CancellationToken.Register(() =>
                {
                    if (Interlocked.Decrement(ref remaining.Value) == 0)
                    {
                        allGone.Cancel();
                    }
                });
            }

            return encoder.Run(count, allGone.Token);
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    private delegate void SlotWriter<TItem, T>(TItem item, Span<T> slot);
}
