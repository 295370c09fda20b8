using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// Rewrites one parsed search body in place: <c>query_text</c>/<c>query_image</c> inside root
/// <c>knn</c> sections and <c>knn</c> queries (in <c>query</c> and <c>retriever</c>), the root
/// shorthand, and OpenSearch <c>neural</c> clauses. Returns whether anything changed.
/// </summary>
internal sealed class BodyRewriter(RewriteContext context)
{
    public async ValueTask<bool> RewriteAsync(JsonObject body)
    {
        var changed = false;
        var inFrame = await PeakInFrameFilter.TakeAsync(body, context.Vectors, context.CancellationToken).ConfigureAwait(false);
        if (body.ContainsKey("query_text") || body.ContainsKey("query_image"))
        {
            await new ShorthandRewriter(context).RewriteAsync(body, inFrame).ConfigureAwait(false);
            changed = true;
        }
        else
        {
            switch (body["knn"])
            {
                case JsonObject knn:
                    changed |= await RewriteKnnAsync(knn, "knn").ConfigureAwait(false);
                    break;
                case JsonArray sections:
                    foreach (var section in sections)
                    {
                        changed |= section is JsonObject knn && await RewriteKnnAsync(knn, "knn").ConfigureAwait(false);
                    }

                    break;
            }

            changed |= await RewriteTreeAsync(body["query"]).ConfigureAwait(false);
            if (inFrame.Count > 0)
            {
                AddFilters(body, inFrame);
                changed = true;
            }
        }

        changed |= await RewriteTreeAsync(body["retriever"]).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Replaces query_text/query_image of a knn object by query_vector; false when it has neither.</summary>
    public async ValueTask<bool> RewriteKnnAsync(JsonObject knn, string clause)
    {
        var (text, image) = ReadQuery(knn, clause);
        if (text is null && image is null)
        {
            return false;
        }

        if (knn.ContainsKey("query_vector") || knn.ContainsKey("query_vector_builder"))
        {
            throw RewriteException.BadRequest($"[{clause}] cannot combine [query_vector] or [query_vector_builder] with [query_text] or [query_image]");
        }

        var field = VectorJson.OptionalString(knn, "field", clause);
        if (field is null)
        {
            knn["field"] = await context.DefaultFieldAsync(clause).ConfigureAwait(false);
        }
        else
        {
            await context.ValidateFieldAsync(field).ConfigureAwait(false);
        }

        var vector = await context.VectorForAsync(text, image, "knn").ConfigureAwait(false);
        knn.Remove("query_text");
        knn.Remove("query_image");
        knn["query_vector"] = VectorJson.ToArray(vector);
        return true;
    }

    /// <summary>Reads and validates query_text / query_image of an object (knn, neural or the body root).</summary>
    public (string? Text, ImageQuery? Image) ReadQuery(JsonObject obj, string clause)
    {
        var hasText = obj.TryGetPropertyValue("query_text", out var textNode);
        var hasImage = obj.TryGetPropertyValue("query_image", out var imageNode);
        if (hasText && hasImage)
        {
            throw RewriteException.BadRequest($"[{clause}] cannot have both [query_text] and [query_image]");
        }

        if (hasText)
        {
            if (textNode is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Trim().Length == 0)
            {
                throw RewriteException.BadRequest($"[{clause}.query_text] must be a non-empty string");
            }

            return (text, null);
        }

        return hasImage ? (null, ImageQueryParser.Parse(imageNode, context.Options)) : (null, null);
    }

    private async ValueTask<bool> RewriteTreeAsync(JsonNode? node)
    {
        var changed = false;
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    changed |= await RewriteTreeAsync(item).ConfigureAwait(false);
                }

                break;
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[name];
                    if (name == "knn" && child is JsonObject knn && HasQuery(knn))
                    {
                        changed |= await RewriteKnnAsync(knn, "knn").ConfigureAwait(false);
                    }
                    else if (name == "neural" && NeuralRewriter.IsNeural(child))
                    {
                        var replacement = await new NeuralRewriter(context, this).RewriteAsync(child!.AsObject()).ConfigureAwait(false);
                        obj.Remove("neural");
                        obj["knn"] = replacement;
                        changed = true;
                    }
                    else
                    {
                        changed |= await RewriteTreeAsync(child).ConfigureAwait(false);
                    }
                }

                break;
        }

        return changed;
    }

    /// <summary>Restricts a body without the root shorthand: its query (match_all when absent) and every root knn section.</summary>
    private static void AddFilters(JsonObject body, List<JsonNode> filters)
    {
        var query = body["query"];
        body.Remove("query");
        var conditions = new JsonObject { ["filter"] = new JsonArray([.. filters.Select(f => f.DeepClone())]) };
        if (query is not null)
        {
            conditions["must"] = query;
        }

        body["query"] = new JsonObject { ["bool"] = conditions };
        var sections = body["knn"] switch
        {
            JsonObject one => [one],
            JsonArray many => many.OfType<JsonObject>().ToList(),
            _ => new List<JsonObject>(),
        };
        foreach (var knn in sections)
        {
            KnnFilters.Add(knn, filters);
        }
    }

    internal static bool HasQuery(JsonObject obj) => obj.ContainsKey("query_text") || obj.ContainsKey("query_image");
}
