using Gateway.Embeddings.Images;
using Gateway.Embeddings.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Service;

/// <summary>
/// The one shared SigLIP-2 encoder. The model is loaded once (at start-up by <see cref="EmbeddingModelWarmup"/>, or on
/// first use), its ONNX sessions live as long as the service, concurrent requests are micro-batched through a
/// bounded queue with query lanes ahead of indexing (<see cref="EmbeddingScheduler"/>), each tower runs at the batch size
/// timed at load (<see cref="BatchSizeProbe"/>) unless configured, and text vectors are cached (LRU). Without model files
/// every call answers <see cref="EmbeddingFailureKind.Unavailable"/> naming the model and the command that fetches it.
/// </summary>
public sealed class SiglipEmbeddingService : IEmbeddingService, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan RetryFailedLoadAfter = TimeSpan.FromSeconds(30);

    private readonly ImageDecodeOptions _decodeOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _switchLock = new(1, 1);
    private volatile EmbeddingOptions _options;
    private readonly ModelDownloadMonitor? _downloads;
    private readonly Lock _loadLock = new();
    private volatile Loaded? _loaded;
    private volatile EmbeddingModelStatus? _failure;
    private long _failedAt;
    private bool _loggedMissing;
    private volatile bool _loading;
    private volatile TaskCompletionSource? _loadEnded;
    private int _decoding;

    /// <summary>Creates the service; nothing is loaded until <see cref="TryLoad"/> or the first request.</summary>
    public SiglipEmbeddingService(
        IOptions<EmbeddingOptions> options,
        IOptions<ImageDecodeOptions>? decodeOptions = null,
        TimeProvider? time = null,
        ILogger<SiglipEmbeddingService>? logger = null,
        ModelDownloadMonitor? downloads = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _decodeOptions = decodeOptions?.Value ?? new ImageDecodeOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _downloads = downloads;
    }

    /// <summary>The export of both towers in use (or to be loaded): <see cref="EmbeddingOptions.Variant"/> until
    /// <see cref="SwitchVariantAsync"/> changes it.</summary>
    public string Variant => _options.Variant;

    /// <inheritdoc />
    public EmbeddingModelStatus Status
    {
        get
        {
            if (_loaded is { } loaded)
            {
                return new EmbeddingModelStatus(EmbeddingModelState.Ready, _options.ModelId, loaded.Model.Dimensions, loaded.Detail) { Tuning = loaded.Tuning };
            }

            if (_loading)
            {
                return new EmbeddingModelStatus(EmbeddingModelState.Loading, _options.ModelId, 0, $"loading from {_options.ResolveModelDirectory()}");
            }

            if (_failure is { } failure)
            {
                return failure;
            }

            var missing = SiglipModelFiles.From(_options).Missing();
            return missing.Count > 0
                ? MissingStatus(missing)
                : new EmbeddingModelStatus(EmbeddingModelState.Loading, _options.ModelId, 0, "model files present, not loaded yet");
        }
    }

    /// <inheritdoc />
    public EmbeddingQueueStatus Queue => _loaded is { Scheduler: var s }
        ? new EmbeddingQueueStatus(
            s.Waiting(EmbeddingLane.Text),
            s.InBatch(EmbeddingLane.Text),
            s.Waiting(EmbeddingLane.QueryImage) + s.Waiting(EmbeddingLane.IndexImage),
            s.InBatch(EmbeddingLane.QueryImage) + s.InBatch(EmbeddingLane.IndexImage),
            Volatile.Read(ref _decoding))
        : EmbeddingQueueStatus.Idle;

    /// <inheritdoc />
    public async ValueTask<EmbeddingResult<float[]>> EmbedTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var many = await EmbedTextsAsync([text], cancellationToken).ConfigureAwait(false);
        return many.Map(vectors => vectors[0]);
    }

    /// <inheritdoc />
    public async ValueTask<EmbeddingResult<float[][]>> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        var (loaded, failure) = EnsureLoaded();
        if (loaded is null)
        {
            return failure!;
        }

        using var activity = EmbeddingTelemetry.StartRequest(EmbeddingLane.Text, texts.Count);

        // Only the texts not cached go through the tower, all of them in one forward.
        var vectors = new float[texts.Count][];
        var keys = new string[texts.Count];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i]);
            keys[i] = texts[i].ToLowerInvariant();
            if (loaded.Cache.TryGet(keys[i], out var cached))
            {
                vectors[i] = cached;
            }
            else
            {
                missing.Add(i);
            }
        }

        activity?.SetTag("gateway.embedding.cached", texts.Count - missing.Count);
        if (missing.Count > 0)
        {
            var submitted = await SubmitAsync(loaded, EmbeddingWork.ForTexts([.. missing.Select(i => texts[i])], cancellationToken), cancellationToken).ConfigureAwait(false);
            if (submitted.Failure is { } refused)
            {
                EmbeddingTelemetry.Failed(activity, refused);
                return refused;
            }

            for (var j = 0; j < missing.Count; j++)
            {
                vectors[missing[j]] = submitted.Value[j];
                loaded.Cache.Add(keys[missing[j]], submitted.Value[j]);
            }
        }

        return vectors;
    }

    /// <inheritdoc />
    public async ValueTask<EmbeddingResult<float[]>> EmbedImageAsync(
        ReadOnlyMemory<byte> encodedImage, string? name = null, EmbeddingPriority priority = EmbeddingPriority.Query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (loaded, failure) = EnsureLoaded();
        if (loaded is null)
        {
            return failure!;
        }

        var work = priority == EmbeddingPriority.Query ? EmbeddingLane.QueryImage : EmbeddingLane.IndexImage;
        using var activity = EmbeddingTelemetry.StartRequest(work, 1);

        // Refuse before decoding: decoding costs more than the queue check, and the request would be refused anyway.
        if (loaded.Scheduler.IsFull(work))
        {
            EmbeddingTelemetry.Refused(work);
            EmbeddingTelemetry.Failed(activity, QueueFull);
            return QueueFull;
        }

        if (work == EmbeddingLane.IndexImage)
        {
            // Decoding takes a core for tens of milliseconds: an album's image waits while a query is being answered.
            await loaded.Scheduler.WhenQueriesIdleAsync(MaxIndexingDelay, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _decoding);
        float[] pixels;
        try
        {
            pixels = await loaded.Model.Images.PreprocessAsync(encodedImage, name, cancellationToken).ConfigureAwait(false);
        }
        catch (ImageDecodeException e)
        {
            var undecodable = EmbeddingFailure.Undecodable(e);
            EmbeddingTelemetry.Failed(activity, undecodable);
            return undecodable;
        }
        finally
        {
            Interlocked.Decrement(ref _decoding);
        }

        var result = await SubmitAsync(loaded, EmbeddingWork.ForImage(pixels, priority, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (result.Failure is { } notEmbedded)
        {
            EmbeddingTelemetry.Failed(activity, notEmbedded);
        }

        return result.Map(vectors => vectors[0]);
    }

    /// <summary>Loads the model if its files are present; false (with <see cref="Status"/> saying why) otherwise.</summary>
    public bool TryLoad() => EnsureLoaded().Loaded is not null;

    /// <inheritdoc />
    public async ValueTask<EmbeddingModelStatus> LoadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (loaded, _) = EnsureLoaded(out var underWay);
            if (loaded is not null || underWay is null)
            {
                return Status;
            }

            // Another caller holds the load lock: wait for its load to end (or, when the lock is the brief one of a variant
            // switch or the load has not published its task yet, a moment), then look again.
            await (underWay.IsCompleted ? Task.Delay(20, cancellationToken) : underWay.WaitAsync(cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Loads both towers' <paramref name="variant"/> export next to the model in use and, once it has loaded, answers every
    /// new request with it (queued work finishes on the old one, which is then released; text vectors are cached per
    /// export). Null when it loaded; the reason when it could not, in which case the model in use stays.
    /// </summary>
    public async Task<string?> SwitchVariantAsync(string variant, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variant);
        await _switchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var options = _options.WithVariant(variant);
            var files = SiglipModelFiles.From(options);
            if (files.Missing() is { Count: > 0 } missing)
            {
                return $"{string.Join(", ", missing)} not found in {files.Directory}";
            }

            var (next, failure) = await Task.Run(() => Load(options, files), cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                return failure!.Reason;
            }

            Loaded? previous;
            lock (_loadLock)
            {
                previous = _loaded;
                _options = options;
                _failure = null;
                _loaded = next;
            }

            EmbeddingLog.VariantSwitched(_logger, options.ModelId, previous?.Tuning.Variant ?? "none", variant);
            if (previous is not null)
            {
                await previous.Scheduler.DisposeAsync().ConfigureAwait(false);
                previous.Model.Dispose();
            }

            return null;
        }
        finally
        {
            _switchLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_loaded is { } loaded)
        {
            _loaded = null;
            await loaded.Scheduler.DisposeAsync().ConfigureAwait(false);
            loaded.Model.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal SiglipModel? LoadedModel => EnsureLoaded().Loaded?.Model;

    private TimeSpan MaxIndexingDelay => TimeSpan.FromMilliseconds(_options.MaxIndexingDelayMs);

    private EmbeddingFailure QueueFull => EmbeddingFailure.QueueFull(TimeSpan.FromSeconds(_options.RetryAfterSeconds));

    private async ValueTask<EmbeddingResult<float[][]>> SubmitAsync(Loaded loaded, EmbeddingWork work, CancellationToken cancellationToken)
    {
        // Work that meets the export switched away from (its scheduler takes no more) goes to the one switched to.
        if (!loaded.Scheduler.TryEnqueue(work) && !(_loaded is { } current && !ReferenceEquals(current, loaded) && current.Scheduler.TryEnqueue(work)))
        {
            EmbeddingTelemetry.Refused(work.Lane);
            return QueueFull;
        }

        return await work.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private (Loaded? Loaded, EmbeddingFailure? Failure) EnsureLoaded() => EnsureLoaded(out _);

    /// <summary>The loaded model, or why there is none; <paramref name="underWay"/> is set when another caller holds the
    /// load lock (a load under way), and ends when that load does.</summary>
    private (Loaded? Loaded, EmbeddingFailure? Failure) EnsureLoaded(out Task? underWay)
    {
        underWay = null;
        if (_loaded is { } loaded)
        {
            return (loaded, null);
        }

        // Loading a real checkpoint takes seconds; callers that arrive meanwhile get a 503 at once instead of
        // blocking thread-pool threads on the lock.
        if (!_loadLock.TryEnter())
        {
            underWay = _loadEnded?.Task ?? Task.CompletedTask;
            return (null, EmbeddingFailure.Unavailable(
                $"The embedding model {_options.ModelId} is loading from {_options.ResolveModelDirectory()}; retry in a few seconds."));
        }

        try
        {
            if (_loaded is { } raced)
            {
                return (raced, null);
            }

            if (_failure is { } failed && _time.GetElapsedTime(_failedAt) < RetryFailedLoadAfter)
            {
                return (null, EmbeddingFailure.Unavailable(failed.Detail));
            }

            var files = SiglipModelFiles.From(_options);
            var missing = files.Missing();
            if (missing.Count > 0)
            {
                var status = MissingStatus(missing);
                if (!_loggedMissing)
                {
                    _loggedMissing = true;
                    EmbeddingLog.ModelMissing(_logger, _options.ModelId, status.Detail);
                }

                return (null, EmbeddingFailure.Unavailable(status.Detail));
            }

            _loadEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _loading = true;
            var (next, failure) = Load(_options, files);
            if (failure is not null)
            {
                _failure = new EmbeddingModelStatus(EmbeddingModelState.Failed, _options.ModelId, 0, failure.Reason);
                _failedAt = _time.GetTimestamp();
            }

            _loaded = next;
            return (next, failure);
        }
        finally
        {
            _loading = false;
            _loadEnded?.TrySetResult();
            _loadLock.Exit();
        }
    }

    /// <summary>Loads <paramref name="files"/> with <paramref name="options"/>; the caller publishes the result.</summary>
    private (Loaded? Loaded, EmbeddingFailure? Failure) Load(EmbeddingOptions options, SiglipModelFiles files)
    {
        var started = _time.GetTimestamp();
        SiglipModel model;
        try
        {
            model = SiglipModel.Load(files, options.MaxBatch, options.IntraOpThreads, _decodeOptions);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                       or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or ArgumentException)
        {
            var reason = $"The embedding model {options.ModelId} in {files.Directory} could not be loaded: {ex.Message}. "
                + $"Fetch it again with: dotnet run --project src/Gateway -- models download {options.ModelId}";
            EmbeddingLog.ModelFailed(_logger, options.ModelId, ex.Message, ex);
            return (null, EmbeddingFailure.Unavailable(reason));
        }

        _failure = null;
        var tuning = ChooseBatchSizes(options, model);
        var processor = new BatchProcessor(model, _logger, _time);
        int[] sizes = [tuning.Text.Size, tuning.Image.Size, tuning.Image.Size];
        var scheduler = new EmbeddingScheduler(options.QueueLimit, sizes, TimeSpan.FromMilliseconds(options.BatchWindowMs), _time, TimeSpan.FromMilliseconds(options.MaxIndexingDelayMs), processor.Process);
        var spec = model.Images.Spec;
        EmbeddingLog.ModelLoaded(_logger, options.ModelId, files.Directory, model.Dimensions, spec.Width, model.Tokenizer.SequenceLength, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        EmbeddingLog.BatchSizesChosen(_logger, tuning.Text.ToString(), tuning.Image.ToString());
        var detail = $"{options.ModelId} ({tuning.Variant}) loaded from {files.Directory}: {model.Dimensions} dims, image {spec.Width}x{spec.Height}, "
            + $"{model.Tokenizer.SequenceLength} tokens; {tuning.Text}; {tuning.Image}";
        return (new Loaded(model, scheduler, detail, tuning, new TextVectorCache(options.TextCacheSize)), null);
    }

    /// <summary>The configured batch size per tower, or the fastest of the candidates timed on this machine.</summary>
    private EmbeddingTuning ChooseBatchSizes(EmbeddingOptions options, SiglipModel model)
    {
        var candidates = options.BatchCandidates.Where(c => c <= options.MaxBatch).DefaultIfEmpty(1).ToList();
        var text = options.TextBatch > 0
            ? new BatchSizeChoice("text", Math.Min(options.TextBatch, options.MaxBatch), Measured: false, [])
            : BatchSizeProbe.Choose("text", candidates, size => model.Text.Run(size), _time);
        var image = options.ImageBatch > 0
            ? new BatchSizeChoice("vision", Math.Min(options.ImageBatch, options.MaxBatch), Measured: false, [])
            : BatchSizeProbe.Choose("vision", candidates, size => model.Vision.Run(size), _time, TimeSpan.FromMilliseconds(options.MaxImageBatchMs));
        var variant = options.VisionModelFile is null && options.TextModelFile is null
            ? options.Variant
            : $"{options.EffectiveVisionModelFile}, {options.EffectiveTextModelFile}";
        return new EmbeddingTuning(variant, text, image);
    }

    private EmbeddingModelStatus MissingStatus(IReadOnlyList<string> missing)
    {
        var directory = _options.ResolveModelDirectory();
        var detail = $"The embedding model {_options.ModelId} is not available: {string.Join(", ", missing)} not found in {directory}. "
            + $"Fetch it with: dotnet run --project src/Gateway -- models download {_options.ModelId}";

        // The background fetch knows more: its progress while it runs, the URLs to fetch by hand when offline.
        return _downloads?.Current switch
        {
            { State: EmbeddingModelState.Downloading } d => d with { Detail = $"{detail} (the gateway is fetching it now: {d.Detail})" },
            { } d => d with { Detail = detail + Environment.NewLine + d.Detail },
            null => new EmbeddingModelStatus(EmbeddingModelState.Missing, _options.ModelId, 0, detail),
        };
    }

    private sealed record Loaded(SiglipModel Model, EmbeddingScheduler Scheduler, string Detail, EmbeddingTuning Tuning, TextVectorCache Cache);
}
