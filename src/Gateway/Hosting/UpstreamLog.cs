namespace Gateway.Hosting;

internal static partial class UpstreamLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The setting {LegacyKey} is deprecated and still used: set {Key} instead")]
    public static partial void LegacyKey(ILogger logger, string legacyKey, string key);
}
