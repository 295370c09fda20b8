using Microsoft.Extensions.Logging;

namespace Gateway.Embeddings.Service;

internal static partial class EmbeddingLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Embedding model {ModelId} loaded from {Directory}: {Dimensions} dims, image {ImageSize}px, {SequenceLength} tokens, in {ElapsedMs} ms")]
    public static partial void ModelLoaded(ILogger logger, string modelId, string directory, int dimensions, int imageSize, int sequenceLength, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Embedding model {ModelId} failed to load: {Reason}")]
    public static partial void ModelFailed(ILogger logger, string modelId, string reason, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Embedding model {ModelId} is missing: {Detail}")]
    public static partial void ModelMissing(ILogger logger, string modelId, string detail);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Embedded a {Lane} batch of {Rows} rows (completed: {Completed}) in {ElapsedMs} ms")]
    public static partial void BatchDone(ILogger logger, string lane, int rows, bool completed, double elapsedMs);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "An embedding batch failed")]
    public static partial void BatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Embedding batch sizes: {Text}; {Image}")]
    public static partial void BatchSizesChosen(ILogger logger, string text, string image);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Embedding model {ModelId} switched from {From} to {To}")]
    public static partial void VariantSwitched(ILogger logger, string modelId, string from, string to);
}
