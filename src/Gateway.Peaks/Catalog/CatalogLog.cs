using Microsoft.Extensions.Logging;

namespace Gateway.Peaks.Catalog;

internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Creating index {Index} with {Dimensions}-dimension prototypes")]
    public static partial void CreatingIndex(ILogger logger, string index, int dimensions);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Index {Index} holds {Old}-dimension vectors but the model gives {New}: recreating it")]
    public static partial void RecreatingIndex(ILogger logger, string index, int old, int @new);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Peak {PeakId} was not rebuilt: {Reason}")]
    public static partial void PeakFailed(ILogger logger, string peakId, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Catalog rebuilt: {Updated} updated, {Unchanged} unchanged, {Deleted} deleted, {Failed} failed")]
    public static partial void Rebuilt(ILogger logger, int updated, int unchanged, int deleted, int failed);
}
