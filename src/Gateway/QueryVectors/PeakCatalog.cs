using Gateway.Peaks.Catalog;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.QueryVectors;

/// <summary>
/// The catalog's names and prototypes, read from the upstream through the shared client and cached until
/// <see cref="CatalogChangeSignal"/> reports a possible change or <see cref="CatalogQueryOptions.CacheSeconds"/> pass.
/// </summary>
internal sealed class PeakCatalog(CatalogPrototypeReader reader, CatalogChangeSignal signal, IOptions<CatalogQueryOptions> options, IOptions<GatewayIndicesOptions> indices, TimeProvider time)
{
    private readonly CatalogQueryOptions _options = options.Value;
    private readonly GatewayIndicesOptions _indices = indices.Value;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The peak a text query names (the whole text, or a name in it; see <see cref="PeakNameMatcher{TPeak}"/>), if any.</summary>
    public async ValueTask<PeakNameMatch<CatalogPrototype>?> MatchNameAsync(string text, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Names.Find(text);
    }

    /// <summary>Every catalog peak with its prototype.</summary>
    public async ValueTask<IReadOnlyList<CatalogPrototype>> AllAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.All;
    }

    /// <summary>The peak with this id, if any.</summary>
    public async ValueTask<CatalogPrototype?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.ById.GetValueOrDefault(id);
    }

    private async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } current && IsFresh(current))
        {
            return current;
        }

        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_snapshot is { } again && IsFresh(again))
            {
                return again;
            }

            // Read the version before loading so a change during the load triggers another one.
            var version = signal.Version;
            var peaks = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = new Snapshot(version, time.GetTimestamp(), peaks);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private bool IsFresh(Snapshot snapshot) =>
        snapshot.Version == signal.Version && time.GetElapsedTime(snapshot.LoadedAt).TotalSeconds < _options.CacheSeconds;

    private async Task<IReadOnlyList<CatalogPrototype>> LoadAsync(CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(_indices.Catalog, _indices.CatalogVectorField, cancellationToken).ConfigureAwait(false);
        return read.Prototypes;
    }

    private sealed class Snapshot
    {
        public Snapshot(long version, long loadedAt, IReadOnlyList<CatalogPrototype> peaks)
        {
            Version = version;
            LoadedAt = loadedAt;
            All = peaks;
            ById = peaks.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            Names = new PeakNameMatcher<CatalogPrototype>(peaks.SelectMany(peak => peak.Names.Append(peak.Id).Select(name => (name, peak))));
        }

        public long Version { get; }

        public long LoadedAt { get; }

        public IReadOnlyList<CatalogPrototype> All { get; }

        public Dictionary<string, CatalogPrototype> ById { get; }

        public PeakNameMatcher<CatalogPrototype> Names { get; }
    }
}
