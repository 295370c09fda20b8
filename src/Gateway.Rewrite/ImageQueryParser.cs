using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// Parses <c>query_image</c>: a data URL or base64 string, <c>{"base64": ...}</c> or
/// <c>{"photo_id": ...}</c>, each with an optional <c>mode</c> (and <c>index</c> for photo ids).
/// </summary>
public static class ImageQueryParser
{
    internal static ImageQuery Parse(JsonNode? node, RewriteOptions options)
    {
        switch (node?.GetValueKind())
        {
            case JsonValueKind.String:
                return new ImageQuery(Decode(node.GetValue<string>(), options), null, options.PhotoIndex, options.DefaultImageMode);
            case JsonValueKind.Object:
                return ParseObject(node.AsObject(), options);
            default:
                throw RewriteException.BadRequest("[query_image] must be a data URL, a base64 string or an object with [base64] or [photo_id]");
        }
    }

    private static ImageQuery ParseObject(JsonObject obj, RewriteOptions options)
    {
        foreach (var property in obj)
        {
            if (property.Key is not ("base64" or "photo_id" or "mode" or "index"))
            {
                throw RewriteException.BadRequest($"[query_image] does not support [{property.Key}]; expected [base64] or [photo_id], [mode], [index]");
            }
        }

        var mode = ParseMode(obj["mode"], options.DefaultImageMode);
        var base64 = OptionalString(obj, "base64");
        var photoId = OptionalString(obj, "photo_id");
        if ((base64 is null) == (photoId is null))
        {
            throw RewriteException.BadRequest("[query_image] needs exactly one of [base64] and [photo_id]");
        }

        if (photoId is not null)
        {
            return new ImageQuery(ReadOnlyMemory<byte>.Empty, photoId, OptionalString(obj, "index") ?? options.PhotoIndex, mode);
        }

        return new ImageQuery(Decode(base64!, options), null, options.PhotoIndex, mode);
    }

    private static ImageQueryMode ParseMode(JsonNode? node, ImageQueryMode fallback)
    {
        if (node is null)
        {
            return fallback;
        }

        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        return text switch
        {
            "similar" => ImageQueryMode.Similar,
            "same_peak" => ImageQueryMode.SamePeak,
            "blend" => ImageQueryMode.Blend,
            _ => throw RewriteException.BadRequest($"[query_image.mode] must be one of [similar, same_peak, blend] but was [{node.ToJsonString()}]"),
        };
    }

    private static string? OptionalString(JsonObject obj, string name)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Length == 0)
        {
            throw RewriteException.BadRequest($"[query_image.{name}] must be a non-empty string");
        }

        return node.GetValue<string>();
    }

    /// <summary>Decodes base64 or a <c>data:image/...;base64,</c> URL, enforcing the size limit before decoding.</summary>
    public static byte[] Decode(string text, RewriteOptions options)
    {
        var payload = text.AsSpan().Trim();
        if (payload.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = payload.IndexOf(',');
            if (comma < 0 || !payload[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw RewriteException.BadRequest("[query_image] data URL must be base64-encoded (data:image/...;base64,...)");
            }

            payload = payload[(comma + 1)..];
        }

        if (payload.IsEmpty)
        {
            throw RewriteException.BadRequest("[query_image] is empty");
        }

        // Check the size before allocating: a base64 string of n chars decodes to at most 3n/4 bytes.
        var maxDecoded = (long)payload.Length * 3 / 4;
        if (maxDecoded - 2 > options.MaxImageBytes)
        {
            throw new RewriteException(413, "content_too_long_exception",
                $"[query_image] is about {maxDecoded} bytes, over the limit of {options.MaxImageBytes} bytes");
        }

        var buffer = new byte[maxDecoded];
        if (!Convert.TryFromBase64Chars(payload, buffer, out var written))
        {
            throw RewriteException.BadRequest("[query_image] is not valid base64");
        }

        return buffer.AsSpan(0, written).ToArray();
    }
}
