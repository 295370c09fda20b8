using System.Diagnostics;
using System.Text.Json.Nodes;
using Gateway.Embeddings;
using Gateway.QueryVectors;
using Gateway.Rewrite;
using Microsoft.Extensions.Options;

namespace Gateway.Api;

/// <summary>
/// <c>POST /_gateway/identify[?top=n]</c>: which catalog peaks an image shows. The image is a multipart file
/// upload or a JSON body <c>{"base64": ...}</c> (or a data URL in <c>image</c>), or <c>{"photo_id": ...}</c>
/// for a stored photo.
/// </summary>
internal static class IdentifyEndpoint
{
    public static Task<IResult> HandleAsync(
        HttpContext context,
        IEmbeddingService embeddings,
        PeakIdentifier identifier,
        PhotoVectorReader photos,
        IOptions<RewriteOptions> rewriteOptions,
        int? top) =>
        ApiRequests.GuardAsync(context, async () =>
        {
            var options = rewriteOptions.Value;
            var cancellationToken = context.RequestAborted;
            var started = Stopwatch.GetTimestamp();
            float[] vector;
            string source;
            double embeddingMs = 0;
            if (context.Request.HasFormContentType)
            {
                var image = await ReadUploadAsync(context.Request, options.MaxImageBytes, cancellationToken).ConfigureAwait(false);
                (vector, embeddingMs) = await EmbedAsync(embeddings, image, cancellationToken).ConfigureAwait(false);
                source = "image";
            }
            else
            {
                var body = await ApiRequests.ReadJsonAsync(context.Request, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
                if (body["photo_id"]?.GetValue<string>() is { } photoId)
                {
                    vector = await photos.ReadAsync(body["index"]?.GetValue<string>() ?? options.PhotoIndex, photoId, cancellationToken).ConfigureAwait(false);
                    source = "photo";
                }
                else if ((body["base64"] ?? body["image"])?.GetValue<string>() is { } encoded)
                {
                    (vector, embeddingMs) = await EmbedAsync(embeddings, ImageQueryParser.Decode(encoded, options), cancellationToken).ConfigureAwait(false);
                    source = "image";
                }
                else
                {
                    throw RewriteException.BadRequest("[identify] needs a multipart file, or a JSON body with [base64], [image] or [photo_id]");
                }
            }

            var peaks = await identifier.IdentifyAsync(vector, top, cancellationToken).ConfigureAwait(false);
            return ApiRequests.Json(new JsonObject
            {
                ["took"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
                ["embedding_ms"] = Math.Round(embeddingMs, 2),
                ["source"] = source,
                ["peaks"] = new JsonArray([.. peaks.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id,
                    ["name"] = p.Name,
                    ["score"] = Math.Round(p.Score, 6),
                    ["confidence"] = Math.Round(p.Confidence, 6),
                })]),
            });
        });

    private static async Task<byte[]> ReadUploadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var file = form.Files.Count > 0 ? form.Files[0] : throw RewriteException.BadRequest("[identify] the multipart body has no file");
        if (file.Length > limit)
        {
            throw new RewriteException(413, "content_too_long_exception", $"the image is {file.Length} bytes, over the limit of {limit} bytes");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task<(float[] Vector, double Milliseconds)> EmbedAsync(IEmbeddingService embeddings, byte[] image, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var vector = await embeddings.EmbedImageAsync(image, "identify", cancellationToken).ConfigureAwait(false);
        return (vector, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
