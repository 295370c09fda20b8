using Microsoft.Extensions.Logging;

namespace Gateway.Embeddings.Models;

/// <summary>Log messages of model management (event ids 4100-4199).</summary>
internal static partial class ModelLog
{
    [LoggerMessage(4200, LogLevel.Information, "Embedding model {ModelId} is missing {Count} file(s) in {Directory}; fetching them in the background")]
    public static partial void FetchStarting(ILogger logger, string modelId, int count, string directory);

    [LoggerMessage(4201, LogLevel.Information, "Model download: {Line}")]
    public static partial void FetchProgress(ILogger logger, string line);

    [LoggerMessage(4202, LogLevel.Information, "Embedding model {ModelId} downloaded and verified in {Seconds:0} s")]
    public static partial void FetchDone(ILogger logger, string modelId, double seconds);

    [LoggerMessage(4203, LogLevel.Warning, "Embedding model {ModelId} could not be fetched: {Reason}")]
    public static partial void FetchFailed(ILogger logger, string modelId, string reason, Exception exception);

    [LoggerMessage(4204, LogLevel.Warning, "Embedding model {ModelId} is not in the manifest {Manifest}; put its files in {Directory} by hand")]
    public static partial void NotInManifest(ILogger logger, string modelId, string manifest, string directory);

    [LoggerMessage(4205, LogLevel.Information, "Embedding model {ModelId} is missing and Embeddings:Download:AutoDownload is off; fetch it with: gateway models download {ModelId}")]
    public static partial void AutoDownloadOff(ILogger logger, string modelId);

    [LoggerMessage(4206, LogLevel.Information, "Embedding model {ModelId}: switching to the {Variant} export (chosen by an admin)")]
    public static partial void VariantSwitching(ILogger logger, string modelId, string variant);

    [LoggerMessage(4207, LogLevel.Warning, "Embedding model {ModelId}: the {Variant} export could not be switched to: {Reason}")]
    public static partial void VariantSwitchFailed(ILogger logger, string modelId, string variant, string reason);
}
