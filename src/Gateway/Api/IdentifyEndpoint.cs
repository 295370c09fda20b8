using System.Diagnostics;
using System.Text.Json.Nodes;
using Gateway.Embeddings;
using Gateway.Errors;
using Gateway.Photos.Exif;
using Gateway.QueryVectors;
using Gateway.Rewrite;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Gateway.Api;

/// <summary>
/// <c>POST /_gateway/identify[?top=n]</c>: which catalog peak an image shows, or <c>unknown</c>. The image is a multipart
/// file upload or a JSON body <c>{"base64": ...}</c> (or a data URL in <c>image</c>), whose EXIF (GPS, compass, focal length)
/// narrows the possible peaks as at ingestion, or <c>{"photo_id": ...}</c> for a stored photo (its stored fields do).
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
        int? top) =>
        ApiRequests.GuardAsync(context, async () =>
        {
            var options = rewriteOptions.Value;
            var cancellationToken = context.RequestAborted;
            var started = Stopwatch.GetTimestamp();
            float[] vector;
            PhotoMetadata? metadata;
            string source;
            double embeddingMs = 0;
            if (context.Request.HasFormContentType)
            {
                var image = await ReadUploadAsync(context.Request, options.MaxImageBytes, cancellationToken).ConfigureAwait(false);
                (vector, embeddingMs) = await EmbedAsync(embeddings, image, cancellationToken).ConfigureAwait(false);
                metadata = UploadMetadata.Read(image);
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
                    metadata = read.Metadata;
                    source = "photo";
                }
                else if ((body["base64"] ?? body["image"])?.GetValue<string>() is { } encoded)
                {
                    var image = ImageQueryParser.Decode(encoded, options);
                    (vector, embeddingMs) = await EmbedAsync(embeddings, image, cancellationToken).ConfigureAwait(false);
                    metadata = UploadMetadata.Read(image);
                    source = "image";
                }
                else
                {
                    throw RewriteException.BadRequest("[identify] needs a multipart file, or a JSON body with [base64], [image] or [photo_id]");
                }
            }

            var identification = await identifier.IdentifyAsync(vector, metadata, top, cancellationToken).ConfigureAwait(false);
            var answer = new JsonObject
            {
                ["took"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
                ["embedding_ms"] = Math.Round(embeddingMs, 2),
                ["source"] = source,
            };
            foreach (var (name, value) in IdentificationJson.ToNode(identification, withPeaks: true).ToList())
            {
                answer[name] = value?.DeepClone();
            }

            if (metadata is { HasGps: true })
            {
                answer["camera"] = new JsonObject
                {
                    ["lat"] = metadata.Latitude,
                    ["lon"] = metadata.Longitude,
                    ["direction_deg"] = metadata.DirectionDeg is { } direction ? Math.Round(direction, 2) : null,
                    ["focal_35mm"] = metadata.Focal35mm,
                };
            }

            return ApiRequests.Json(answer);
        });

    private static async Task<byte[]> ReadUploadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
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
            throw RewriteException.BadRequest("[identify] the multipart body is malformed: " + e.Message);
        }

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
        var vector = (await embeddings.EmbedImageAsync(image, "identify", cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return (vector, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
