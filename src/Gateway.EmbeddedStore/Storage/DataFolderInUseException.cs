namespace Gateway.EmbeddedStore.Storage;

/// <summary>The embedded store's data folder is held by another process: one writer per folder.</summary>
public sealed class DataFolderInUseException : IOException
{
    /// <summary>Creates the exception for <paramref name="dataPath"/>.</summary>
    public DataFolderInUseException(string dataPath, Exception inner)
        : base($"the embedded store's data folder [{dataPath}] is in use by another process (a running gateway?): one process per data folder", inner) =>
        DataPath = dataPath;

    /// <summary>The data folder (absolute).</summary>
    public string DataPath { get; }
}
