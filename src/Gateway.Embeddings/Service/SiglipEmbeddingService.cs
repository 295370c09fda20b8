using System.Diagnostics;
using Gateway.Embeddings.Images;
using Gateway.Embeddings.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Service;

/// <summary>
/// The one shared SigLIP-2 encoder. The model is loaded once (at start-up by <see cref="EmbeddingModelWarmup"/>, or on
/// first use), its ONNX sessions live as long as the service, concurrent requests are micro-batched through a
/// bounded queue, and text vectors are cached (LRU). Without model files every call throws
/// <see cref="EmbeddingUnavailableException"/> naming the model and the command that fetches it.
/// </summary>
public sealed class SiglipEmbeddingService : IEmbeddingService, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan RetryFailedLoadAfter = TimeSpan.FromSeconds(30);

    private readonly EmbeddingOptions _options;
    private readonly ImageDecodeOptions _decodeOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TextVectorCache _cache;
    private readonly ModelDownloadMonitor? _downloads;
    private readonly Lock _loadLock = new();
    private volatile Loaded? _loaded;
    private volatile EmbeddingModelStatus? _failure;
    private long _failedAt;
    private bool _loggedMissing;
    private volatile bool _loading;
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
        _cache = new TextVectorCache(_options.TextCacheSize);
    }

    /// <inheritdoc />
    public EmbeddingModelStatus Status
    {
        get
        {
            if (_loaded is { } loaded)
            {
                return new EmbeddingModelStatus(EmbeddingModelState.Ready, _options.ModelId, loaded.Model.Dimensions, loaded.Detail);
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
    public EmbeddingQueueStatus Queue => _loaded is { } loaded
        ? new EmbeddingQueueStatus(loaded.Texts.Waiting, loaded.Texts.InBatch, loaded.Images.Waiting, loaded.Images.InBatch, Volatile.Read(ref _decoding))
        : EmbeddingQueueStatus.Idle;

    /// <summary>Output dimensions of the loaded model (loads it if needed).</summary>
    public int Dimensions => EnsureLoaded().Model.Dimensions;

    /// <inheritdoc />
    public async ValueTask<float[]> EmbedTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        var loaded = EnsureLoaded();
        var key = text.ToLowerInvariant();
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var vector = await SubmitAsync(loaded, EmbeddingWork.ForText(text, cancellationToken), cancellationToken).ConfigureAwait(false);
        _cache.Add(key, vector);
        return vector;
    }

    /// <inheritdoc />
    public async ValueTask<float[]> EmbedImageAsync(ReadOnlyMemory<byte> encodedImage, string? name = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var loaded = EnsureLoaded();

        // Refuse before decoding: decoding costs more than the queue check, and the request would be refused anyway.
        ThrowIfFull(loaded);
        Interlocked.Increment(ref _decoding);
        float[] pixels;
        try
        {
            pixels = await loaded.Model.Images.PreprocessAsync(encodedImage, name, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _decoding);
        }

        return await SubmitAsync(loaded, EmbeddingWork.ForImage(pixels, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads the model if its files are present; false (with <see cref="Status"/> saying why) otherwise.</summary>
    public bool TryLoad()
    {
        try
        {
            EnsureLoaded();
            return true;
        }
        catch (EmbeddingUnavailableException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_loaded is { } loaded)
        {
            _loaded = null;
            await loaded.Texts.DisposeAsync().ConfigureAwait(false);
            await loaded.Images.DisposeAsync().ConfigureAwait(false);
            loaded.Model.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal SiglipModel LoadedModel => EnsureLoaded().Model;

    private async ValueTask<float[]> SubmitAsync(Loaded loaded, EmbeddingWork work, CancellationToken cancellationToken)
    {
        var batcher = work.Text is null ? loaded.Images : loaded.Texts;
        if (!batcher.TryEnqueue(work))
        {
            throw new EmbeddingQueueFullException(TimeSpan.FromSeconds(_options.RetryAfterSeconds));
        }

        return await work.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void ThrowIfFull(Loaded loaded)
    {
        if (loaded.Images.Waiting >= _options.QueueLimit)
        {
            throw new EmbeddingQueueFullException(TimeSpan.FromSeconds(_options.RetryAfterSeconds));
        }
    }

    private Loaded EnsureLoaded()
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        // Loading a real checkpoint takes seconds; callers that arrive meanwhile get a 503 at once instead of
        // blocking thread-pool threads on the lock.
        if (!_loadLock.TryEnter())
        {
            throw new EmbeddingUnavailableException(
                $"The embedding model {_options.ModelId} is loading from {_options.ResolveModelDirectory()}; retry in a few seconds.");
        }

        try
        {
            if (_loaded is { } raced)
            {
                return raced;
            }

            if (_failure is { } failure && _time.GetElapsedTime(_failedAt) < RetryFailedLoadAfter)
            {
                throw new EmbeddingUnavailableException(failure.Detail);
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

                throw new EmbeddingUnavailableException(status.Detail);
            }

            _loading = true;
            return _loaded = Load(files);
        }
        finally
        {
            _loading = false;
            _loadLock.Exit();
        }
    }

    private Loaded Load(SiglipModelFiles files)
    {
        var started = Stopwatch.GetTimestamp();
        SiglipModel model;
        try
        {
            model = SiglipModel.Load(files, _options.MaxBatch, _options.IntraOpThreads, _decodeOptions);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                       or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or ArgumentException)
        {
            var reason = $"The embedding model {_options.ModelId} in {files.Directory} could not be loaded: {ex.Message}. "
                + $"Fetch it again with: dotnet run --project src/Gateway -- models download {_options.ModelId}";
            _failure = new EmbeddingModelStatus(EmbeddingModelState.Failed, _options.ModelId, 0, reason);
            _failedAt = _time.GetTimestamp();
            EmbeddingLog.ModelFailed(_logger, _options.ModelId, ex.Message, ex);
            throw new EmbeddingUnavailableException(reason);
        }

        _failure = null;
        // One queue and loop per tower, each tower used by its loop only: an interactive text query runs while a
        // long batch of ingested photos is in the vision tower, instead of waiting behind it.
        var window = TimeSpan.FromMilliseconds(_options.BatchWindowMs);
        var texts = new EmbeddingBatcher(_options.QueueLimit, _options.MaxBatch, window, _time, new BatchProcessor(model, _logger).Process);
        var images = new EmbeddingBatcher(_options.QueueLimit, _options.MaxBatch, window, _time, new BatchProcessor(model, _logger).Process);
        var spec = model.Images.Spec;
        EmbeddingLog.ModelLoaded(_logger, _options.ModelId, files.Directory, model.Dimensions, spec.Width, model.Tokenizer.SequenceLength, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var detail = $"{_options.ModelId} loaded from {files.Directory}: {model.Dimensions} dims, image {spec.Width}x{spec.Height}, {model.Tokenizer.SequenceLength} tokens";
        return new Loaded(model, texts, images, detail);
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

    private sealed record Loaded(SiglipModel Model, EmbeddingBatcher Texts, EmbeddingBatcher Images, string Detail);
}
