using Gateway.EmbeddedStore;
using Gateway.EmbeddedStore.Search;

namespace Gateway.Conformance.Tests;

/// <summary>The embedded store, opened durably in a temporary data folder and reached through its in-process handler.</summary>
internal static class EmbeddedTargetFactory
{
    public static ConformanceTarget Create()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "gateway-conformance-" + Guid.NewGuid().ToString("N"));
        var store = Gateway.EmbeddedStore.EmbeddedStore.Open(new EmbeddedStoreOptions { DataPath = dataPath }, new SearchService());
        var handler = new EmbeddedStoreHandler(store);
        var target = ConformanceTarget.FromHandler(handler, $"embedded store (in-process, {dataPath})", embedded: true);
        return new ConformanceTarget(target.Http, target.Description, embedded: true, new StoreLease(store, dataPath));
    }

    private sealed class StoreLease(Gateway.EmbeddedStore.EmbeddedStore store, string dataPath) : IDisposable
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
}
