using Gateway.EmbeddedStore;
using Gateway.EmbeddedStore.Search;

namespace Gateway.Conformance.Tests;

/// <summary>
/// The embedded store, opened durably in a temporary data folder and reached through its in-process handler; with
/// <c>action.destructive_requires_name</c> off, as Elasticsearch's YAML test clusters run.
/// </summary>
internal static class EmbeddedTargetFactory
{
    public static ConformanceTarget Create()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "gateway-conformance-" + Guid.NewGuid().ToString("N"));
        var store = Gateway.EmbeddedStore.EmbeddedStore.Open(new EmbeddedStoreOptions { DataPath = dataPath, DestructiveRequiresName = false }, new SearchService());
        var http = new HttpClient(new EmbeddedStoreHandler(store), disposeHandler: true) { BaseAddress = new Uri("http://embedded.local/") };
        return new ConformanceTarget(http, $"embedded store (in-process, {dataPath})", embedded: true, new EmbeddedStoreLease(store, dataPath));
    }
}
