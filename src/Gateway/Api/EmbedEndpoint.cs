using System.Text.Json.Nodes;
using Gateway.Embeddings;
using Gateway.Errors;
using Gateway.Rewrite;
using Microsoft.Extensions.Options;

namespace Gateway.Api;

/// <summary>
/// <c>POST /_gateway/embed</c> with <c>{"text": "..." | "texts": [...], "image": "base64 or data URL", "raw": false}</c>:
/// the vectors the gateway would search with (texts through the same catalog-name and prompt-ensemble logic
/// as queries; <c>"raw": true</c> embeds texts as they are).
/// </summary>
internal static class EmbedEndpoint
{
    public static Task<IResult> HandleAsync(HttpContext context, IEmbeddingService embeddings, IQueryVectorSource vectors, IOptions<RewriteOptions> rewriteOptions) =>
        ApiRequests.GuardAsync(context, async () =>
        {
            var options = rewriteOptions.Value;
            var cancellationToken = context.RequestAborted;
            var body = await ApiRequests.ReadJsonAsync(context.Request, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            if (Texts(body) is not { } texts)
            {
                return GatewayError.BadRequest("[embed] texts must be non-empty strings").ToResult();
            }

            var raw = body["raw"]?.GetValue<bool>() ?? false;
            var image = body["image"]?.GetValue<string>();
            if (texts.Count == 0 && image is null)
            {
                return GatewayError.BadRequest("[embed] needs [text], [texts] or [image]").ToResult();
            }

            var result = new JsonObject { ["model"] = embeddings.Status.ModelId };
            var textResults = new JsonArray();
            foreach (var text in texts)
            {
                var item = new JsonObject { ["text"] = text };
                if (raw)
                {
                    item["source"] = "raw";
                    var embedded = await embeddings.EmbedTextAsync(text, cancellationToken).ConfigureAwait(false);
                    if (embedded.Failure is { } failure)
                    {
                        return GatewayError.From(failure).ToResult();
                    }

                    item["vector"] = Vector(embedded.Value);
                }
                else
                {
                    var found = await vectors.FromTextAsync(text, cancellationToken).ConfigureAwait(false);
                    if (!found.Succeeded)
                    {
                        return new GatewayError(found.Error).ToResult();
                    }

                    var query = found.Vector;
                    item["source"] = query.Source;
                    item["peak"] = query.Peak;
                    if (query.MatchedName is not null)
                    {
                        item["matched_name"] = query.MatchedName;
                    }

                    if (query.PeakWeight is { } weight)
                    {
                        item["peak_weight"] = weight;
                    }
                    item["vector"] = Vector(query.Vector);
                }

                textResults.Add(item);
            }

            if (texts.Count > 0)
            {
                result["texts"] = textResults;
            }

            if (image is not null)
            {
                var embedded = await embeddings.EmbedImageAsync(ImageQueryParser.Decode(image, options), "embed", cancellationToken: cancellationToken).ConfigureAwait(false);
                if (embedded.Failure is { } failure)
                {
                    return GatewayError.From(failure).ToResult();
                }

                result["image"] = new JsonObject { ["vector"] = Vector(embedded.Value) };
            }

            return ApiRequests.Json(result);
        });

    /// <summary>The texts to embed; null when one is empty.</summary>
    private static List<string>? Texts(JsonObject body)
    {
        var texts = new List<string>();
        if (body["text"]?.GetValue<string>() is { } text)
        {
            texts.Add(text);
        }

        if (body["texts"] is JsonArray many)
        {
            texts.AddRange(many.Select(t => t?.GetValue<string>()).OfType<string>());
        }

        return texts.Any(string.IsNullOrWhiteSpace) ? null : texts;
    }

    private static JsonArray Vector(float[] vector) => new([.. vector.Select(v => (JsonNode)v)]);
}
