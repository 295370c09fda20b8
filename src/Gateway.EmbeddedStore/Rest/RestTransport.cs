using System.IO.Compression;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>HTTP details shared by the in-process handler and the loopback listener.</summary>
internal static class RestTransport
{
    public const string ProductHeader = "X-Elastic-Product";
    public const string ProductValue = "Elasticsearch";

    /// <summary>
    /// The response content type: the vendor type with the requested compatibility version when
    /// the client asked for it (the official clients do), plain JSON otherwise.
    /// </summary>
    public static string ContentType(string? accept)
    {
        if (accept is not null && accept.Contains("vnd.elasticsearch+json", StringComparison.OrdinalIgnoreCase))
        {
            var marker = accept.IndexOf("compatible-with=", StringComparison.OrdinalIgnoreCase);
            var version = marker >= 0 && marker + 16 < accept.Length && char.IsAsciiDigit(accept[marker + 16]) ? accept[marker + 16].ToString() : "9";
            return "application/vnd.elasticsearch+json;compatible-with=" + version;
        }

        return "application/json";
    }

    /// <summary>Reads a request body up to <paramref name="limit"/> bytes; null when it is larger. The caller disposes it after the dispatch.</summary>
    public static async Task<RequestBody?> ReadBodyAsync(Stream body, string? contentEncoding, long limit, CancellationToken cancellationToken, long? contentLength = null)
    {
        var gzip = contentEncoding is not null && contentEncoding.Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && contentLength is { } known and <= int.MaxValue)
        {
            // The common case: read straight into an array of the declared size (no growth copies).
            return await RequestBody.ReadExactlyAsync(body, (int)known, cancellationToken).ConfigureAwait(false);
        }

        var stream = gzip
            ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true)
            : body;
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return RequestBody.Of(buffer.GetBuffer(), (int)buffer.Length);
        }
    }
}
