using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// The root shorthand <c>{"query_text" | "query_image": ..., "query": {...}, "size": n}</c> becomes a
/// root <c>knn</c> on the index's vector field (or the optional root <c>field</c>), with k = from + size
/// (at least 1; or the optional root <c>k</c>), num_candidates from the optional root
/// <c>num_candidates</c> or k × factor, and the <c>query</c> turned into pre-filters (see <see cref="FilterExtractor"/>).
/// </summary>
internal sealed class ShorthandRewriter(RewriteContext context)
{
    public async ValueTask RewriteAsync(JsonObject body, List<JsonNode> extraFilters)
    {
        if (body.ContainsKey("knn"))
        {
            throw RewriteException.BadRequest("[query_text] and [query_image] at the body root cannot be combined with [knn]; put them inside the knn section instead");
        }

        var rewriter = new BodyRewriter(context);
        var (text, image) = rewriter.ReadQuery(body, "search");
        var field = VectorJson.OptionalString(body, "field", "root");
        if (field is null)
        {
            field = await context.DefaultFieldAsync("query_text").ConfigureAwait(false);
        }
        else
        {
            await context.ValidateFieldAsync(field).ConfigureAwait(false);
        }

        var size = VectorJson.OptionalInt(body, "size") ?? 10;
        var from = VectorJson.OptionalInt(body, "from") ?? 0;
        var k = VectorJson.OptionalInt(body, "k") ?? Math.Max(1, from + size);
        if (k < 1)
        {
            throw RewriteException.BadRequest($"[k] must be at least 1 but was [{k}]");
        }

        var numCandidates = Candidates.For(k, VectorJson.OptionalInt(body, "num_candidates"), context.Options);
        var filters = FilterExtractor.Extract(body["query"]);
        filters.AddRange(extraFilters);
        var vector = await context.VectorForAsync(text, image, "shorthand").ConfigureAwait(false);

        foreach (var name in (string[])["query_text", "query_image", "field", "k", "num_candidates", "query"])
        {
            body.Remove(name);
        }

        var knn = new JsonObject
        {
            ["field"] = field,
            ["query_vector"] = VectorJson.ToArray(vector),
            ["k"] = k,
            ["num_candidates"] = numCandidates,
        };
        if (filters.Count > 0)
        {
            knn["filter"] = new JsonArray([.. filters]);
        }

        body["knn"] = knn;
    }
}
