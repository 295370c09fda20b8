using System.Buffers;

namespace Gateway.Proxy;

/// <summary>
/// Reads a request body whole, up to a limit, allocating no more than the body needs: a body with a known length
/// is read straight into an array of that length; a chunked one through a pooled buffer. (A fresh 80 KB copy
/// buffer per <c>_search</c> was most of the proxy's allocation and GC work.)
/// </summary>
internal static class BoundedBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The whole body, or null as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        if (contentLength is { } length)
        {
            if (length > limit)
            {
                return null;
            }

            var exact = new byte[length];
            var read = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return read == exact.Length ? exact : exact[..read];
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var buffer = new MemoryStream();
            int count;
            while ((count = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + count > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, count);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
