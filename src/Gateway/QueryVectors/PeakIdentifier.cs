using System.Text.Json.Nodes;
using Gateway.Embeddings.Service;
using Gateway.Photos.Exif;
using Gateway.Photos.Identification;
using Gateway.Photos.Ingestion;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.Options;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.QueryVectors;

/// <summary>
/// Identifies the peak an image shows with the rules ingestion uses (<see cref="PeakFrame"/>, <see cref="PeakRules"/> and
/// the <c>Photos</c> options): vision is a kNN over the catalog prototypes through the shared client, geometry comes from
/// the image's EXIF (or the stored photo's fields) and decides which peaks are possible, and a best score under
/// <see cref="PhotosOptions.MinSimilarity"/> (or no possible peak) answers "unknown". The upstream scores cosine fields as
/// (1 + cos) / 2, so cos = 2 × score − 1; confidence is SigLIP's sigmoid of the cosine (<see cref="PromptEmbedder.Score"/>).
/// </summary>
internal sealed class PeakIdentifier(
    UpstreamClient upstream,
    PromptEmbedder prompts,
    PeakCatalog catalog,
    IOptions<CatalogQueryOptions> options,
    IOptions<PhotosOptions> photoOptions,
    IOptions<GatewayIndicesOptions> indices)
{
    // The whole catalog is ranked so that geometry can pick among all of it; catalogs are tens to hundreds of peaks.
    private const int MaxRanked = 1000;
    private readonly GatewayIndicesOptions _indices = indices.Value;

    private readonly CatalogQueryOptions _options = options.Value;
    private readonly PhotosOptions _rules = photoOptions.Value;

    /// <summary>Identifies <paramref name="vector"/>; <paramref name="metadata"/> (null or without GPS: vision alone) narrows the possible peaks.</summary>
    public async Task<Identification> IdentifyAsync(float[] vector, PhotoMetadata? metadata, int? top, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(top ?? _options.IdentifyTop, 1, 50);
        var peaks = await catalog.AllAsync(cancellationToken).ConfigureAwait(false);
        // A catalog whose documents carry no coordinates (not built from peaks.yaml) leaves geometry nothing to go on.
        var located = peaks.Where(p => p.Peak is not null).Select(p => p.Peak!).ToList();
        var frame = metadata is { HasGps: true } && located.Count > 0 ? PeakFrame.Of(metadata, located, _rules) : PeakFrame.Unconstrained;
        var vision = await RankAsync(vector, Math.Clamp(Math.Max(count, peaks.Count), 1, MaxRanked), cancellationToken).ConfigureAwait(false);
        if (vision.Count == 0)
        {
            return Identification.None with { Rule = frame.Rule, PeaksInFrame = InFrame(frame, peaks), Threshold = _rules.MinSimilarity };
        }

        var choice = PeakRules.Choose(vision.Select(v => (v.Id, v.Cosine)), frame, _rules);
        var names = vision.ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal);
        var geometry = frame.Possible is not null;
        var candidates = choice.Candidates.Take(count)
            .Select(c => new IdentifiedPeak(c.Id, names[c.Id], c.Score, prompts.Score(c.Score)) { InFrame = geometry ? c.Possible : null })
            .ToList();
        return new Identification(candidates, choice.IsUnknown ? null : choice.Predicted[0].Id, frame.Rule, InFrame(frame, peaks), _rules.MinSimilarity);
    }

    private static List<PeakInFrame> InFrame(PeakFrame frame, IReadOnlyList<Gateway.Peaks.Catalog.CatalogPrototype> peaks)
    {
        var names = peaks.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return [.. frame.InFrame.Select(s => new PeakInFrame(s.PeakId, names.GetValueOrDefault(s.PeakId) ?? s.PeakId, s.DistanceKm, s.BearingDeg, s.BearingOffsetDeg, s.BearingFromPeakDeg))];
    }

    private async Task<List<(string Id, string Name, double Cosine)>> RankAsync(float[] vector, int k, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["knn"] = new JsonObject
            {
                ["field"] = _indices.CatalogVectorField,
                ["query_vector"] = new JsonArray([.. vector.Select(v => (JsonNode)v)]),
                ["k"] = k,
                ["num_candidates"] = Math.Min(10_000, Math.Max(100, k * 2)),
            },
            ["size"] = k,
            ["_source"] = new JsonArray("id", "names", "name"),
        };
        var response = await upstream.SendAsAsync(UpstreamCaller.Gateway, TransportMethod.POST, $"/{_indices.Catalog}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (response.Status != 200 || response.Body?["hits"]?["hits"] is not JsonArray hits)
        {
            return [];
        }

        var ranked = new List<(string, string, double)>(hits.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            var source = hit?["_source"];
            var id = source?["id"]?.GetValue<string>() ?? hit?["_id"]?.GetValue<string>();
            if (id is null || !seen.Add(id) || hit?["_score"] is not JsonValue scoreNode || !scoreNode.TryGetValue<double>(out var score))
            {
                continue;
            }

            var name = source?["names"] switch
            {
                JsonArray names when names.Count > 0 => names[0]?.GetValue<string>(),
                JsonValue value => value.GetValue<string>(),
                _ => source?["name"]?.GetValue<string>(),
            };
            ranked.Add((id, name ?? id, (2 * score) - 1));
        }

        return ranked;
    }
}
