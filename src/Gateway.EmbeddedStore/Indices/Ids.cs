using System.Security.Cryptography;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>Identifiers in Elasticsearch's formats (base64url, no padding).</summary>
internal static class Ids
{
    private static long _sequence = RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <summary>A 22-character index or cluster uuid.</summary>
    public static string NewUuid() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// A 20-character auto-generated document id: time, a sequence and random bytes, like
    /// Elasticsearch's time-based ids (15 bytes, base64url); the time is read from <paramref name="time"/>.
    /// </summary>
    public static string NewDocumentId(TimeProvider time)
    {
        Span<byte> bytes = stackalloc byte[15];
        var millis = time.GetUtcNow().ToUnixTimeMilliseconds();
        var sequence = Interlocked.Increment(ref _sequence);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (40 - (8 * i)));
        }

        bytes[6] = (byte)(sequence >> 16);
        bytes[7] = (byte)(sequence >> 8);
        bytes[8] = (byte)sequence;
        RandomNumberGenerator.Fill(bytes[9..]);
        return Base64Url(bytes);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
