using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Gateway.Embeddings;
using Gateway.Photos.Exif;
using Gateway.Upstream;

namespace Gateway.Photos.Ingestion;

/// <summary>
/// One run's work: a bounded channel feeds N workers that read, hash and EXIF-parse files and submit them to the
/// embedding service (whose micro-batcher groups the concurrent requests into model batches), so file I/O and
/// parsing overlap with inference; a single writer sends the results to the upstream in bulk batches.
/// </summary>
internal sealed class IngestPipeline(
    PhotoIndexStore store,
    IEmbeddingService embeddings,
    PeakPredictor predictor,
    PhotosOptions options,
    string index,
    string modelId,
    TimeProvider time)
{
    private int _done;
    private int _indexed;
    private int _failed;

    public int Indexed => _indexed;

    /// <summary>Files finished without failure, counting the run's already-done ones.</summary>
    public int Done => _done;

    /// <summary>Indexes <paramref name="work"/>; answers the files that failed, or why the run stopped: a bulk request
    /// the upstream did not take, or an embedding model that became unavailable (the files after it would fail the same
    /// way). What was embedded before a stop is written first, so a later run resumes after it.</summary>
    public async Task<Outcome<List<IngestFailure>>> RunAsync(IReadOnlyList<WorkItem> work, int total, int alreadyDone, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return await RunAsync(work, total, alreadyDone, progress, stop).ConfigureAwait(false);
    }

    private async Task<Outcome<List<IngestFailure>>> RunAsync(IReadOnlyList<WorkItem> work, int total, int alreadyDone, IProgress<IngestProgress>? progress, CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        _done = alreadyDone;
        using var activity = PhotosTelemetry.StartRun(index, work.Count);
        var started = time.GetTimestamp();
        var failures = new List<IngestFailure>();
        var workers = Math.Min(options.EffectiveWorkers, Math.Max(1, work.Count));
        var input = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var output = Channel.CreateBounded<WorkOutput>(new BoundedChannelOptions(Math.Max(options.BatchSize, workers) * 2) { SingleReader = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in work)
                {
                    await input.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                input.Writer.TryComplete();
            }
        }, cancellationToken);

        var processors = Task.Run(async () =>
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
                {
                    await foreach (var item in input.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var result = await ProcessAsync(item, cancellationToken).ConfigureAwait(false);
                        await output.Writer.WriteAsync(result, cancellationToken).ConfigureAwait(false);
                    }
                }, cancellationToken))).ConfigureAwait(false);
                output.Writer.TryComplete();
            }
            catch (Exception e)
            {
                output.Writer.TryComplete(e);
                throw;
            }
        }, cancellationToken);

        var pending = new List<WorkOutput>();
        await foreach (var result in output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (result is { StopsRun: true, Failure: { } runFailure })
            {
                var written = await FlushAsync(pending, failures, progress, total, started, cancellationToken).ConfigureAwait(false);
                return await StopAsync(written.Failure ?? $"{runFailure} ({Volatile.Read(ref _indexed)} photos indexed before it; run the scan again when the model is back: it goes on from there)", stop, producer, processors).ConfigureAwait(false);
            }

            if (result.Failure is not null)
            {
                failures.Add(new IngestFailure(result.File.Album, result.File.RelativePath, result.Failure));
                Interlocked.Increment(ref _failed);
                PhotosTelemetry.Photo(result.File.Album, "failed");
                Report(progress, total, started);
                continue;
            }

            pending.Add(result);
            if (pending.Count >= options.BatchSize && await FlushAsync(pending, failures, progress, total, started, cancellationToken).ConfigureAwait(false) is { Failure: { } failed })
            {
                return await StopAsync(failed, stop, producer, processors).ConfigureAwait(false);
            }
        }

        if (await FlushAsync(pending, failures, progress, total, started, cancellationToken).ConfigureAwait(false) is { Failure: { } lastFailed })
        {
            return await StopAsync(lastFailed, stop, producer, processors).ConfigureAwait(false);
        }

        await Task.WhenAll(producer, processors).ConfigureAwait(false);
        return failures;
    }

    // Stops the readers and workers of a run that cannot go on, and answers why.
    private static async Task<Outcome<List<IngestFailure>>> StopAsync(string failure, CancellationTokenSource stop, Task producer, Task processors)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(producer, processors).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The stop above, or the caller's cancellation, which the caller sees on its own token.
        }

        return Outcome.Failed(failure);
    }

    private async Task<Outcome> FlushAsync(List<WorkOutput> pending, List<IngestFailure> failures, IProgress<IngestProgress>? progress, int total, long started, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return Outcome.Ok;
        }

        var lines = pending.SelectMany(p => new[] { p.Action!, p.Body! });
        var rejected = await store.BulkAsync(PhotoIndexStore.NdJson(lines), cancellationToken).ConfigureAwait(false);
        if (rejected.Failure is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var rejectedIds = rejected.Value.ToDictionary(r => r.Id, r => r.Reason, StringComparer.Ordinal);
        foreach (var p in pending)
        {
            if (rejectedIds.TryGetValue(p.File.Id, out var reason))
            {
                failures.Add(new IngestFailure(p.File.Album, p.File.RelativePath, "upstream rejected the document: " + reason));
                Interlocked.Increment(ref _failed);
                PhotosTelemetry.Photo(p.File.Album, "failed");
                continue;
            }

            if (p.Embedded)
            {
                Interlocked.Increment(ref _indexed);
            }

            PhotosTelemetry.Photo(p.File.Album, p.Embedded ? "indexed" : "touched");

            Interlocked.Increment(ref _done);
        }

        pending.Clear();
        Report(progress, total, started);
        return Outcome.Ok;
    }

    private async Task<WorkOutput> ProcessAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var file = item.File;
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WorkOutput(file, null, null, "the file could not be read: " + e.Message, false);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (item.Stored is { } stored && stored.ContentHash == hash)
        {
            // Same bytes, new time (a copy or a touch): only the stored time changes, no re-embedding.
            var touch = new JsonObject { ["doc"] = new JsonObject { ["mtime"] = PhotoDocument.Iso(file.ModifiedUtc), ["file_size"] = file.Size } };
            return new WorkOutput(file, PhotoIndexStore.Action("update", index, file.Id), touch.ToJsonString(), null, false);
        }

        PhotoMetadata meta;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            meta = ExifReader.Read(stream, file.ModifiedUtc);
        }

        var embedded = await EmbedAsync(bytes, file.RelativePath, cancellationToken).ConfigureAwait(false);
        if (embedded.Failure is { Kind: EmbeddingFailureKind.Undecodable or EmbeddingFailureKind.TooLarge } undecodable)
        {
            var reason = "the image does not decode: " + undecodable.Reason + (meta.Error is null ? "" : "; metadata: " + meta.Error);
            return new WorkOutput(file, null, null, reason, false);
        }

        if (embedded.Failure is { } failed)
        {
            // The model is missing, loading or broken: not this file's fault, and every file after it would fail the same
            // way, so the run stops and says why instead of failing each file.
            return new WorkOutput(file, null, null, "the embedding model is unavailable: " + failed.Reason, false, StopsRun: true);
        }

        var vector = embedded.Value;

        var prediction = predictor.Predict(vector, meta);
        var doc = PhotoDocument.Create(file, meta, vector, prediction, hash, modelId, time.GetUtcNow());
        return new WorkOutput(file, PhotoIndexStore.Action("index", index, file.Id), doc.ToJsonString(), null, true);
    }

    private async Task<EmbeddingResult<float[]>> EmbedAsync(byte[] bytes, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await embeddings.EmbedImageAsync(bytes, name, EmbeddingPriority.Indexing, cancellationToken).ConfigureAwait(false);
            if (result.Failure is not { Kind: EmbeddingFailureKind.Refused, RetryAfter: var retryAfter })
            {
                return result;
            }

            // Shared with live queries: back off as a client would and try again.
            await Task.Delay(retryAfter ?? TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Report(IProgress<IngestProgress>? progress, int total, long started)
    {
        if (progress is null)
        {
            return;
        }

        var seconds = time.GetElapsedTime(started).TotalSeconds;
        progress.Report(new IngestProgress(total, Volatile.Read(ref _done) + Volatile.Read(ref _failed), Volatile.Read(ref _indexed), Volatile.Read(ref _failed),
            seconds > 0 ? Volatile.Read(ref _indexed) / seconds : 0, "indexing"));
    }
}
