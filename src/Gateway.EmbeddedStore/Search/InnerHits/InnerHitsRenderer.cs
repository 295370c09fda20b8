using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.InnerHits;

/// <summary>
/// The fetch phase's inner hits: for one hit, every <c>inner_hits</c> definition that ran in its context, as
/// Elasticsearch renders them (<c>inner_hits.{name}.hits</c> with <c>total</c>, <c>max_score</c> and the page of hits,
/// each rendered as a search hit; nested hits carry <c>_nested</c>).
/// </summary>
internal static class InnerHitsRenderer
{
    public static JsonObject? Render(SearchContext context, int ord, bool restTotalHitsAsInt)
    {
        if (context.InnerHits.Count == 0)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var source in context.InnerHits)
        {
            foreach (var spec in source.Specs)
            {
                if (result.ContainsKey(spec.Name))
                {
                    throw StoreException.IllegalArgument("[inner_hits] already contains an entry for key [" + spec.Name + "]");
                }

                result[spec.Name] = RenderOne(source.Candidates(context, ord, spec), spec, restTotalHitsAsInt);
            }
        }

        return result;
    }

    private static JsonObject RenderOne(InnerHitsCandidates candidates, InnerHitsSpec spec, bool restTotalHitsAsInt)
    {
        var request = spec.Request;
        request.RestTotalHitsAsInt = restTotalHitsAsInt;
        var bits = new DocBits(Math.Max(candidates.Context.MaxDoc, 1));
        foreach (var ord in candidates.Ords)
        {
            bits.Set(ord);
        }

        var outcome = new ShardOutcome(0, candidates.Context, bits, bits, candidates.Score);
        var page = HitCollector.Collect([outcome], request);
        var scoresVisible = request.Sort is null || request.TrackScores || request.Sort.Any(s => s.IsScore);
        var hits = new JsonObject
        {
            ["total"] = restTotalHitsAsInt ? candidates.Ords.Count : new JsonObject { ["value"] = candidates.Ords.Count, ["relation"] = "eq" },
            ["max_score"] = scoresVisible && candidates.Ords.Count > 0 ? candidates.Ords.Max(candidates.Score) : null,
            ["hits"] = new JsonArray([.. page.Select(h => (JsonNode)HitRenderer.Render(h, request, scoresVisible))]),
        };
        return new JsonObject { ["hits"] = hits };
    }
}
