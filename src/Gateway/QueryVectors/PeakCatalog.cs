using System.Text.Json.Nodes;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.Options;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.QueryVectors;

/// <summary>
/// The catalog's names and prototypes, read from the upstream through the shared client and cached until
/// <see cref="CatalogChangeSignal"/> reports a possible change or <see cref="CatalogQueryOptions.CacheSeconds"/> pass.
/// </summary>
internal sealed class PeakCatalog(UpstreamJson upstream, CatalogChangeSignal signal, IOptions<CatalogQueryOptions> options, TimeProvider time)
{
    private readonly CatalogQueryOptions _options = options.Value;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The peak a text query names (the whole text, or a name in it; see <see cref="PeakNameMatcher{TPeak}"/>), if any.</summary>
    public async ValueTask<PeakNameMatch<CatalogPeak>?> MatchNameAsync(string text, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Names.Find(text);
    }

    /// <summary>The peak with this id, if any.</summary>
    public async ValueTask<CatalogPeak?> FindByIdAsync(string id, CancellationToken cancellationToken)
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

    private async Task<List<CatalogPeak>> LoadAsync(CancellationToken cancellationToken)
    {
        var hits = await SearchAsync(exposeVectors: false, cancellationToken).ConfigureAwait(false);
        if (hits.Count > 0 && hits.Any(h => h?["_source"]?[_options.VectorField] is null))
        {
            // Elasticsearch 9.2+ leaves vectors out of _source unless asked to keep them.
            hits = await SearchAsync(exposeVectors: true, cancellationToken).ConfigureAwait(false);
        }

        var peaks = new List<CatalogPeak>();
        foreach (var hit in hits)
        {
            var source = hit?["_source"];
            var vector = UpstreamJson.Vector(source?[_options.VectorField]);
            var id = source?["id"]?.GetValue<string>() ?? hit?["_id"]?.GetValue<string>();
            if (vector is null || id is null)
            {
                continue;
            }

            var names = Names(source?["names"]).Concat(Names(source?["name"])).Distinct(StringComparer.Ordinal).ToList();
            peaks.Add(new CatalogPeak(id, names.FirstOrDefault() ?? id, names, vector));
        }

        return peaks;
    }

    private async Task<JsonArray> SearchAsync(bool exposeVectors, CancellationToken cancellationToken)
    {
        var fields = new JsonArray("id", "names", "name", _options.VectorField);
        JsonNode source = exposeVectors ? new JsonObject { ["includes"] = fields, ["exclude_vectors"] = false } : fields;
        var body = new JsonObject { ["size"] = 10_000, ["query"] = new JsonObject { ["match_all"] = new JsonObject() }, ["_source"] = source };
        var (status, json) = await upstream.SendAsync(TransportMethod.POST, $"/{_options.Index}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return status == 200 && json?["hits"]?["hits"] is JsonArray hits ? hits : [];
    }

    private static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>(),
        JsonValue value when value.TryGetValue<string>(out var name) => [name],
        _ => [],
    };

    private sealed class Snapshot
    {
        public Snapshot(long version, long loadedAt, List<CatalogPeak> peaks)
        {
            Version = version;
            LoadedAt = loadedAt;
            ById = peaks.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            Names = new PeakNameMatcher<CatalogPeak>(peaks.SelectMany(peak => peak.Names.Append(peak.Id).Select(name => (name, peak))));
        }

        public long Version { get; }

        public long LoadedAt { get; }

        public Dictionary<string, CatalogPeak> ById { get; }

        public PeakNameMatcher<CatalogPeak> Names { get; }
    }
}
