using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// OpenSearch's <c>neural</c> clause, <c>{"neural": {"field": {"query_text" | "query_image", "k", "filter", "min_score", "boost"}}}</c>,
/// becomes an Elasticsearch <c>knn</c> query. <c>min_score</c> is a score threshold; Elasticsearch's
/// knn <c>similarity</c> is in similarity space, and for cosine fields score = (1 + cos) / 2, so
/// similarity = 2 × min_score − 1.
/// </summary>
internal sealed class NeuralRewriter(RewriteContext context, BodyRewriter body)
{
    private static readonly HashSet<string> Supported = ["query_text", "query_image", "k", "filter", "min_score", "boost", "model_id", "_name"];

    /// <summary>A neural clause has one field whose value carries query_text or query_image.</summary>
    public static bool IsNeural(JsonNode? node) =>
        node is JsonObject obj && obj.Count == 1 && obj.First().Value is JsonObject inner && BodyRewriter.HasQuery(inner);

    public async ValueTask<JsonObject> RewriteAsync(JsonObject neural)
    {
        var (field, node) = neural.First();
        var clause = (JsonObject)node!;
        foreach (var property in clause)
        {
            if (!Supported.Contains(property.Key))
            {
                throw RewriteException.BadRequest($"[neural] does not support [{property.Key}]; supported: [{string.Join(", ", Supported.Order(StringComparer.Ordinal))}]");
            }
        }

        var (text, image) = body.ReadQuery(clause, "neural");
        await context.ValidateFieldAsync(field).ConfigureAwait(false);
        var k = VectorJson.OptionalInt(clause, "k") ?? context.Options.DefaultNeuralK;
        if (k < 1)
        {
            throw RewriteException.BadRequest($"[neural.k] must be at least 1 but was [{k}]");
        }

        var knn = new JsonObject
        {
            ["field"] = field,
            ["query_vector"] = VectorJson.ToArray(await context.VectorForAsync(text, image, "neural").ConfigureAwait(false)),
            ["k"] = k,
            ["num_candidates"] = Candidates.For(k, null, context.Options),
        };
        if (clause["filter"] is { } filter)
        {
            knn["filter"] = filter.DeepClone();
        }

        if (clause["min_score"] is JsonValue minScore && minScore.TryGetValue<double>(out var score))
        {
            knn["similarity"] = (2 * score) - 1;
        }
        else if (clause["min_score"] is not null)
        {
            throw RewriteException.BadRequest("[neural.min_score] must be a number");
        }

        foreach (var name in (string[])["boost", "_name"])
        {
            if (clause[name] is { } value)
            {
                knn[name] = value.DeepClone();
            }
        }

        return knn;
    }
}
