namespace Gateway.Hosting;

internal static partial class FoldersLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "App folder (shipped files): {AppFolder}; data folder (Gateway:DataFolder): {DataFolder}")]
    public static partial void Folders(ILogger logger, string appFolder, string dataFolder);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Embedded store {Store}; models {Models}; peak catalog {Catalog}; web root {WebRoot}")]
    public static partial void Files(ILogger logger, string store, string models, string catalog, string webRoot);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Seeded the editable peak catalog {Editable} from the shipped {Shipped}")]
    public static partial void CatalogSeeded(ILogger logger, string editable, string shipped);
}
