using System.Text.Json.Nodes;
using Gateway.Embeddings;
using Gateway.Errors;
using Gateway.QueryVectors;
using Gateway.Rewrite;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Gateway.Api;

/// <summary>
/// <c>POST /_gateway/identify[?top=n]</c>: which catalog peaks an image shows. The image is a multipart file
/// upload or a JSON body <c>{"base64": ...}</c> (or a data URL in <c>image</c>), or <c>{"photo_id": ...}</c>
/// for a stored photo.
/// </summary>
internal static class IdentifyEndpoint
{
    private const int MultipartOverhead = 64 * 1024;

    public static Task<IResult> HandleAsync(
        HttpContext context,
        IEmbeddingService embeddings,
        PeakIdentifier identifier,
        PhotoVectorReader photos,
        IOptions<RewriteOptions> rewriteOptions,
        TimeProvider time,
        int? top) =>
        ApiRequests.GuardAsync(context, async () =>
        {
            var options = rewriteOptions.Value;
            var cancellationToken = context.RequestAborted;
            var started = time.GetTimestamp();
            float[] vector;
            string source;
            double embeddingMs = 0;
            if (context.Request.HasFormContentType)
            {
                var (image, refused) = await ReadUploadAsync(context.Request, options.MaxImageBytes, cancellationToken).ConfigureAwait(false);
                if (image is null)
                {
                    return refused!.ToResult();
                }

                (var embedded, embeddingMs) = await EmbedAsync(embeddings, image, time, cancellationToken).ConfigureAwait(false);
                if (embedded.Failure is { } failure)
                {
                    return GatewayError.From(failure).ToResult();
                }

                vector = embedded.Value;
                source = "image";
            }
            else
            {
                var body = await ApiRequests.ReadJsonAsync(context.Request, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
                if (body["photo_id"]?.GetValue<string>() is { } photoId)
                {
                    var read = await photos.ReadAsync(body["index"]?.GetValue<string>() ?? options.PhotoIndex, photoId, cancellationToken).ConfigureAwait(false);
                    if (!read.IsFound)
                    {
                        return new GatewayError(read.Error).ToResult();
                    }

                    vector = read.Vector;
                    source = "photo";
                }
                else if ((body["base64"] ?? body["image"])?.GetValue<string>() is { } encoded)
                {
                    (var embedded, embeddingMs) = await EmbedAsync(embeddings, ImageQueryParser.Decode(encoded, options), time, cancellationToken).ConfigureAwait(false);
                    if (embedded.Failure is { } failure)
                    {
                        return GatewayError.From(failure).ToResult();
                    }

                    vector = embedded.Value;
                    source = "image";
                }
                else
                {
                    return GatewayError.BadRequest("[identify] needs a multipart file, or a JSON body with [base64], [image] or [photo_id]").ToResult();
                }
            }

            var peaks = await identifier.IdentifyAsync(vector, top, cancellationToken).ConfigureAwait(false);
            return ApiRequests.Json(new JsonObject
            {
                ["took"] = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2),
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

    /// <summary>The uploaded file's bytes, or why the upload is refused.</summary>
    private static async Task<(byte[]? Image, GatewayError? Refused)> ReadUploadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        // Kestrel stops reading past the image limit (plus room for the multipart framing) and answers 413; the form
        // reader would otherwise spool up to 128 MB to disk and fail with a 500 beyond that.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + MultipartOverhead;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested && e is not BadHttpRequestException)
        {
            // No boundary, a part that never ends: the multipart reader's words for a malformed upload.
            return (null, GatewayError.BadRequest("[identify] the multipart body is malformed: " + e.Message));
        }

        if (form.Files.Count == 0)
        {
            return (null, GatewayError.BadRequest("[identify] the multipart body has no file"));
        }

        var file = form.Files[0];
        if (file.Length > limit)
        {
            return (null, new GatewayError(RewriteError.TooLong($"the image is {file.Length} bytes, over the limit of {limit} bytes")));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return (buffer.ToArray(), null);
    }

    private static async Task<(EmbeddingResult<float[]> Vector, double Milliseconds)> EmbedAsync(IEmbeddingService embeddings, byte[] image, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var vector = await embeddings.EmbedImageAsync(image, "identify", cancellationToken: cancellationToken).ConfigureAwait(false);
        return (vector, time.GetElapsedTime(started).TotalMilliseconds);
    }
}
