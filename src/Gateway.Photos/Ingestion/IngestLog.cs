using Microsoft.Extensions.Logging;

namespace Gateway.Photos.Ingestion;

internal static partial class IngestLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Photo {Album}/{Path} was not indexed: {Reason}")]
    public static partial void FileFailed(ILogger logger, string album, string path, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Album {Album} skipped: {Reason}")]
    public static partial void AlbumSkipped(ILogger logger, string album, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Indexed {Albums} into {Index}: {Indexed} indexed, {Unchanged} unchanged, {Deleted} deleted, {Failed} failed in {Seconds:F1} s ({Rate:F2} photos/s)")]
    public static partial void RunDone(ILogger logger, string albums, string index, int indexed, int unchanged, int deleted, int failed, double seconds, double rate);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "Alias {Alias} now points at {Index} (was: {Old})")]
    public static partial void AliasSwapped(ILogger logger, string alias, string index, string old);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "Full reindex into {Index} did not finish; the index was deleted and the alias left as it was")]
    public static partial void ReindexAbandoned(ILogger logger, string index);
}
