namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// The one-writer-per-data-folder lock: an exclusive handle on <c>store.lock</c> in the data folder. The OS releases
/// it when the process dies, even on kill -9, so a stale lock never blocks a restart.
/// </summary>
public static class DataFolderLock
{
    /// <summary>The lock file's name inside the data folder.</summary>
    public const string FileName = "store.lock";

    /// <summary>Takes the lock, or throws <see cref="DataFolderInUseException"/> when another process (or store) holds it.</summary>
    public static FileStream Acquire(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        try
        {
            return new FileStream(Path.Combine(dataPath, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DataFolderInUseException(dataPath, e);
        }
    }

    /// <summary>Whether another process (or another store in this one) holds the data folder now.</summary>
    public static bool IsHeld(string dataPath)
    {
        if (!File.Exists(Path.Combine(dataPath, FileName)))
        {
            return false;
        }

        try
        {
            Acquire(dataPath).Dispose();
            return false;
        }
        catch (DataFolderInUseException)
        {
            return true;
        }
    }
}
