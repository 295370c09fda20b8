namespace Gateway.Jobs;

internal static partial class JobsLog
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Job {JobId} ({Kind} {Album}) finished: {Message}")]
    public static partial void Finished(ILogger logger, string jobId, string kind, string? album, string message);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Job {JobId} ({Kind} {Album}) was cancelled")]
    public static partial void Cancelled(ILogger logger, string jobId, string kind, string? album);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Error, Message = "Job {JobId} ({Kind} {Album}) failed")]
    public static partial void Failed(ILogger logger, Exception exception, string jobId, string kind, string? album);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Error, Message = "Job {JobId} ({Kind} {Album}) failed: {Reason}")]
    public static partial void FailedWith(ILogger logger, string jobId, string kind, string? album, string reason);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Information, Message = "Building the peak catalog by itself because {Reason}: job {JobId} ({Outcome})")]
    public static partial void CatalogAutoBuild(ILogger logger, string reason, string jobId, string outcome);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Warning, Message = "Recurring job {Id} is not scheduled: album {Album} does not exist")]
    public static partial void ScheduleSkipped(ILogger logger, string id, string? album);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "Recurring job {Id}: {Job} {Album} at '{Cron}'")]
    public static partial void Scheduled(ILogger logger, string id, string job, string? album, string cron);
}
