using System.Diagnostics;
using System.Runtime.CompilerServices;
using Gateway.Embeddings.Onnx;
using Gateway.Embeddings.Vectors;
using Microsoft.Extensions.Logging;

namespace Gateway.Embeddings.Service;

/// <summary>Runs one micro-batch: texts through the text tower, images through the vision tower, each output
/// row L2-normalised and handed to its caller. Requests cancelled while they waited are skipped.</summary>
internal sealed class BatchProcessor(SiglipModel model, ILogger logger)
{
    private readonly List<EmbeddingWork> _texts = [];
    private readonly List<EmbeddingWork> _images = [];

    public void Process(List<EmbeddingWork> batch)
    {
        var started = Stopwatch.GetTimestamp();
        _texts.Clear();
        _images.Clear();
        foreach (var work in batch)
        {
            if (work.CancellationToken.IsCancellationRequested)
            {
                work.Completion.TrySetCanceled(work.CancellationToken);
            }
            else if (work.Text is not null)
            {
                _texts.Add(work);
            }
            else
            {
                _images.Add(work);
            }
        }

        if (_texts.Count > 0)
        {
            Run(model.Text, _texts, (work, slot) => model.Tokenizer.Encode(work.Text!, slot));
        }

        if (_images.Count > 0)
        {
            Run(model.Vision, _images, (work, slot) => work.Pixels.AsSpan().CopyTo(slot));
        }

        EmbeddingLog.BatchDone(logger, _texts.Count, _images.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Run<T>(OnnxEncoder<T> encoder, List<EmbeddingWork> works, SlotWriter<T> fill)
        where T : unmanaged
    {
        try
        {
            for (var i = 0; i < works.Count; i++)
            {
                fill(works[i], encoder.InputFor(i));
            }

            var output = RunUnlessAllCancel(encoder, works);
            var d = encoder.Dimensions;
            for (var i = 0; i < works.Count; i++)
            {
                var vector = output.Slice(i * d, d).ToArray();
                VectorMath.NormalizeInPlace(vector);
                works[i].Completion.TrySetResult(vector);
            }
        }
        catch (OperationCanceledException)
        {
            // Every caller of this batch had gone; nobody is waiting for an error.
            foreach (var work in works)
            {
                work.Completion.TrySetCanceled(work.CancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The batch loop must survive a failing batch; its callers get the error.
            EmbeddingLog.BatchFailed(logger, ex);
            foreach (var work in works)
            {
                work.Completion.TrySetException(ex);
            }
        }
    }

    // A long batch (seconds for 32 photos) is stopped when every caller in it has gone; one remaining caller keeps it.
    private static ReadOnlySpan<float> RunUnlessAllCancel<T>(OnnxEncoder<T> encoder, List<EmbeddingWork> works)
        where T : unmanaged
    {
        using var allGone = new CancellationTokenSource();
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

            return encoder.Run(works.Count, allGone.Token);
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    private delegate void SlotWriter<T>(EmbeddingWork work, Span<T> slot);
}
