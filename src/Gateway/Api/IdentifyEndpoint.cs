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
        TimeProvider time,
        int? top) =>
        ApiRequests.GuardAsync(context, async () =>
        {
            var options = rewriteOptions.Value;
            var cancellationToken = context.RequestAborted;
            var started = time.GetTimestamp();
            float[] vector;
            PhotoMetadata? metadata;
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
                    (var embedded, embeddingMs) = await EmbedAsync(embeddings, image, time, cancellationToken).ConfigureAwait(false);
                    if (embedded.Failure is { } failure)
                    {
                        return GatewayError.From(failure).ToResult();
                    }

                    vector = embedded.Value;
                    metadata = UploadMetadata.Read(image);
                    source = "image";
                }
                else
                {
                    return GatewayError.BadRequest("[identify] needs a multipart file, or a JSON body with [base64], [image] or [photo_id]").ToResult();
                }
            }

            var identification = await identifier.IdentifyAsync(vector, metadata, top, cancellationToken).ConfigureAwait(false);
            var answer = new JsonObject
            {
                ["took"] = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2),
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
