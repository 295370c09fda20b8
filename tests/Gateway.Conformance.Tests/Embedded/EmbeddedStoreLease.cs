namespace Gateway.Conformance.Tests;

/// <summary>Closes the conformance run's store and removes its temporary data folder.</summary>
internal sealed class EmbeddedStoreLease(Gateway.EmbeddedStore.EmbeddedStore store, string dataPath) : IDisposable
{
    public void Dispose()
    {
        store.Dispose();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans it.
        }
    }
}
