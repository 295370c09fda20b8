using System.Collections.Concurrent;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>The stored scripts of <c>PUT /_scripts/{id}</c>, by id (painless sources).</summary>
internal sealed class StoredScripts
{
    private readonly ConcurrentDictionary<string, string> _scripts = new(StringComparer.Ordinal);

    public string? Find(string id) => _scripts.TryGetValue(id, out var source) ? source : null;

    public void Put(string id, string source) => _scripts[id] = source;

    public bool Delete(string id) => _scripts.TryRemove(id, out _);

    public IReadOnlyDictionary<string, string> All => _scripts;
}
