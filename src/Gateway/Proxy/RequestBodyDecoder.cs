using System.IO.Compression;

namespace Gateway.Proxy;

/// <summary>
/// Decodes compressed request bodies (the official .NET client gzips its requests by default) so that the
/// rewriter sees JSON; the decoded size is bounded like the raw one.
/// </summary>
internal static class RequestBodyDecoder
{
    /// <summary>The decoded body, or null when it exceeds <paramref name="limit"/>; throws <see cref="InvalidDataException"/> on a corrupt body.</summary>
    public static async Task<byte[]?> DecodeAsync(byte[] body, string encoding, int limit, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(body, writable: false);
        await using Stream decoder = encoding.Trim().ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new InvalidDataException($"unsupported Content-Encoding [{encoding}]"),
        };
        return await BoundedBodyReader.ReadAsync(decoder, null, limit, cancellationToken).ConfigureAwait(false);
    }

    public static bool IsSupported(string encoding) => encoding.Trim().ToLowerInvariant() is "gzip" or "x-gzip" or "deflate" or "br";
}
