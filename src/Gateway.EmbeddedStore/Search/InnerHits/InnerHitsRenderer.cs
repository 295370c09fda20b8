using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.InnerHits;

/// <summary>
/// The fetch phase's inner hits: for one hit, every <c>inner_hits</c> definition that ran in its context, as
/// Elasticsearch renders them (<c>inner_hits.{name}.hits</c> with <c>total</c>, <c>max_score</c> and the page of hits,
/// each rendered as a search hit; nested hits carry <c>_nested</c>).
/// </summary>
internal static class InnerHitsRenderer
{
    public static JsonObject? Render(SearchContext context, int ord, SearchRequest request)
    {
        var result = new JsonObject();
        foreach (var source in context.InnerHits)
        {
            if (request.IsInnerHits && source is Collapse.CollapseSpec)
            {
                // A group's hits are the collapsed search's own hits: they do not expand their group again.
                continue;
            }

            foreach (var spec in source.Specs)
            {
                if (result.ContainsKey(spec.Name))
                {
                    throw StoreException.IllegalArgument("[inner_hits] already contains an entry for key [" + spec.Name + "]");
                }

                result[spec.Name] = RenderOne(source.Candidates(context, ord, spec), spec, request.RestTotalHitsAsInt);
            }
        }

        return result.Count > 0 ? result : null;
    }

    private static JsonObject RenderOne(InnerHitsCandidates candidates, InnerHitsSpec spec, bool restTotalHitsAsInt)
    {
        var request = spec.Request;
        request.RestTotalHitsAsInt = restTotalHitsAsInt;
        var page = HitCollector.Collect(candidates.Parts, request);
        var scoresVisible = request.Sort is null || request.TrackScores || request.Sort.Any(s => s.IsScore);
        var total = candidates.Count;
        var hits = new JsonObject
        {
            ["total"] = restTotalHitsAsInt ? total : new JsonObject { ["value"] = total, ["relation"] = "eq" },
            ["max_score"] = scoresVisible ? candidates.MaxScore() : null,
            ["hits"] = new JsonArray([.. page.Select(h => (JsonNode)HitRenderer.Render(h, request, scoresVisible))]),
        };
        return new JsonObject { ["hits"] = hits };
    }
}
