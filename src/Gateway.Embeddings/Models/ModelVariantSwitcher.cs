using Gateway.Embeddings.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Models;

/// <summary>
/// Switches the loaded model to another export of its towers (fp32, int8, ...) at run time, for the admin's model page:
/// fetches the variant's missing files in the background (progress through <see cref="ModelDownloadMonitor"/>, as the
/// start-up fetch), loads it next to the model in use, then answers every new request with it, and keeps the choice in
/// <see cref="ModelVariantFile"/> so that it survives a restart. One switch at a time.
/// </summary>
public sealed class ModelVariantSwitcher(
    SiglipEmbeddingService service,
    ModelStore store,
    ModelDownloadMonitor monitor,
    IOptions<EmbeddingOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ModelVariantSwitcher> logger,
    ModelVariantFile? file = null)
{
    private readonly Lock _lock = new();
    private ModelVariantSwitch? _latest;
    private Task _running = Task.CompletedTask;

    /// <summary>The latest switch started since the gateway started, or null.</summary>
    public ModelVariantSwitch? Latest
    {
        get
        {
            lock (_lock)
            {
                return _latest;
            }
        }
    }

    /// <summary>The switch in progress, awaitable (completed when none runs).</summary>
    public Task Running
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    /// <summary>Where the choice is kept, or null when this host keeps none.</summary>
    public string? FilePath => file?.Path;

    /// <summary>The variants the manifest lists for the configured model (empty when the model is not in it).</summary>
    public IReadOnlyList<ModelVariant> Variants()
    {
        if (store.Manifest.Find(options.Value.ModelId) is not { } model)
        {
            return [];
        }

        var directory = options.Value.ResolveModelDirectory();
        var active = service.Status.State == EmbeddingModelState.Ready ? service.Variant : null;
        return model.Variants
            .Select(v => new ModelVariant(v, ModelStore.Missing(directory, model.FilesFor(v)).Count == 0, v == active))
            .ToList();
    }

    /// <summary>Starts switching to <paramref name="variant"/>; null when started, the reason when refused (a variant the
    /// manifest does not list for the model, a switch already running, the variant already in use).</summary>
    public string? Start(string? variant)
    {
        var id = options.Value.ModelId;
        if (store.Manifest.Find(id) is not { } model)
        {
            return $"model {id} is not in the manifest, so it has no variants to choose from";
        }

        if (string.IsNullOrWhiteSpace(variant) || !model.Variants.Contains(variant, StringComparer.Ordinal))
        {
            return $"model {id} has no variant [{variant}]; it has: {string.Join(", ", model.Variants)}";
        }

        lock (_lock)
        {
            if (!_running.IsCompleted)
            {
                return $"a switch to {_latest!.To} is running; wait for it to finish";
            }

            if (variant == service.Variant && service.Status.State == EmbeddingModelState.Ready)
            {
                return $"{variant} is already in use";
            }

            _latest = new ModelVariantSwitch(service.Variant, variant, ModelVariantSwitchStage.Loading);
            _running = Task.Run(() => SwitchAsync(model, _latest, lifetime.ApplicationStopping));
            return null;
        }
    }

    private async Task SwitchAsync(ModelEntry model, ModelVariantSwitch started, CancellationToken cancellationToken)
    {
        ModelLog.VariantSwitching(logger, model.Id, started.To);
        var directory = options.Value.ResolveModelDirectory();
        var missing = ModelStore.Missing(directory, model.FilesFor(started.To));
        string? failure = null;
        if (missing.Count > 0)
        {
            Publish(started with { Stage = ModelVariantSwitchStage.Downloading });
            monitor.Set(new EmbeddingModelStatus(EmbeddingModelState.Downloading, model.Id, 0, $"downloading {missing.Count} file(s) into {directory}"));
            try
            {
                await store.DownloadAsync(model, directory, missing, new ModelDownloadReporter(monitor, logger, model.Id, missing.Count), cancellationToken).ConfigureAwait(false);
            }
            catch (ModelDownloadException e)
            {
                failure = e.Message;
            }
            catch (OperationCanceledException)
            {
                failure = "the gateway stopped while the files were being fetched";
            }
            finally
            {
                monitor.Set(null);
            }
        }

        if (failure is null)
        {
            Publish(started with { Stage = ModelVariantSwitchStage.Loading });
            failure = await service.SwitchVariantAsync(started.To, CancellationToken.None).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            ModelLog.VariantSwitchFailed(logger, model.Id, started.To, failure);
            Publish(started with { Stage = ModelVariantSwitchStage.Failed, Detail = failure });
            return;
        }

        file?.Write(started.To);
        Publish(started with { Stage = ModelVariantSwitchStage.Done });
    }

    private void Publish(ModelVariantSwitch state)
    {
        lock (_lock)
        {
            _latest = state;
        }
    }
}
