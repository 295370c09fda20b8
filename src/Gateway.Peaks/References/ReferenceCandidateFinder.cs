using System.Text.Json.Nodes;
using Gateway.Peaks.Catalog;
using Gateway.Upstream;
using Microsoft.Extensions.Options;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Peaks.References;

/// <summary>
/// Pages through the photos index and proposes, per photo, the one catalog peak near the frame centre
/// (<see cref="ReferenceCandidateRule"/>), leaving out photos already marked as a reference or a negative of that peak.
/// </summary>
public sealed class ReferenceCandidateFinder(UpstreamClient upstream, PeaksOptions peaks, IOptions<ReferenceCandidateOptions> options)
{
    private const int Page = 1000;

    /// <summary>The candidates for the peaks of <paramref name="catalog"/>, nearest to the frame centre first, at most
    /// <see cref="ReferenceCandidateOptions.MaxCandidates"/>; none when the photos index does not exist; the upstream's
    /// failure as the outcome when the read fails otherwise.</summary>
    public async Task<Outcome<List<ReferenceCandidate>>> FindAsync(IReadOnlyList<Peak> catalog, IProgress<int>? scanned = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var rule = options.Value;
        var byId = catalog.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var candidates = new List<ReferenceCandidate>();
        var seen = 0;
        JsonArray? after = null;
        while (true)
        {
            var body = new JsonObject
            {
                ["size"] = Page,
                // Only photos that recorded a direction have bearing offsets.
                ["query"] = new JsonObject { ["exists"] = new JsonObject { ["field"] = "direction_deg" } },
                ["_source"] = new JsonArray("album", "path", "peaks_in_frame"),
                ["sort"] = new JsonArray(new JsonObject { ["album"] = "asc" }, new JsonObject { ["path"] = "asc" }),
            };
            if (after is not null)
            {
                body["search_after"] = after;
            }

            var response = await upstream.SendAsync(HttpMethod.POST, $"/{Uri.EscapeDataString(peaks.PhotosIndex)}/_search", body.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.Status == 404)
            {
                return new List<ReferenceCandidate>();
            }

            if (!response.IsSuccess)
            {
                return Outcome.Failed($"reading {peaks.PhotosIndex} failed with status {response.Status}: {response.Error}");
            }

            var hits = response.Body?["hits"]?["hits"] as JsonArray ?? [];
            foreach (var hit in hits)
            {
                if (Candidate(hit, byId, rule) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }

            seen += hits.Count;
            scanned?.Report(seen);
            if (hits.Count < Page)
            {
                break;
            }

            if (hits[^1]?["sort"]?.DeepClone() is not JsonArray sort)
            {
                return Outcome.Failed("search_after paging needs sort values in hits");
            }

            after = sort;
        }

        return candidates
            .OrderBy(c => Math.Abs(c.BearingOffsetDeg))
            .ThenBy(c => c.DistanceKm)
            .ThenBy(c => c.Photo.ToString(), StringComparer.Ordinal)
            .Take(rule.MaxCandidates)
            .ToList();
    }

    private static ReferenceCandidate? Candidate(JsonNode? hit, Dictionary<string, Peak> catalog, ReferenceCandidateOptions rule)
    {
        var source = hit?["_source"];
        if (source?["album"] is not JsonValue albumValue || !albumValue.TryGetValue<string>(out var album)
            || source["path"] is not JsonValue pathValue || !pathValue.TryGetValue<string>(out var path)
            || hit?["_id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
        {
            return null;
        }

        if (ReferenceCandidateRule.Propose(PeaksInFrameJson.Read(source["peaks_in_frame"]), rule) is not { } near
            || !catalog.TryGetValue(near.PeakId, out var peak))
        {
            return null;
        }

        var photo = new AlbumPhoto(album, path);
        return peak.AlbumReferences.Contains(photo) || peak.AlbumNegatives.Contains(photo)
            ? null
            : new ReferenceCandidate(peak.Id, photo, id, near.DistanceKm!.Value, near.BearingOffsetDeg!.Value);
    }
}
