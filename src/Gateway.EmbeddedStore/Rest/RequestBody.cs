using System.Buffers;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// A request body, owned for one dispatch. Large bodies (bulk requests run to megabytes) are
/// rented from <see cref="ArrayPool{T}.Shared"/>: a fresh array each time would go to the large
/// object heap, whose allocations trigger full collections that walk every stored document.
/// Nothing may keep the memory after the dispatch: endpoints copy what they store.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int PooledFrom = 64 * 1024;

    private byte[]? _rented;

    private RequestBody(byte[] array, int length, bool rented)
    {
        Array = array;
        Length = length;
        _rented = rented ? array : null;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    private byte[] Array { get; }

    /// <summary>Wraps an array that nobody else holds (not pooled).</summary>
    public static RequestBody Of(byte[] array, int length) => new(array, length, rented: false);

    /// <summary>Reads exactly <paramref name="length"/> bytes from <paramref name="stream"/>.</summary>
    public static async Task<RequestBody> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var pooled = length >= PooledFrom;
        var body = new RequestBody(pooled ? ArrayPool<byte>.Shared.Rent(length) : new byte[length], length, pooled);
        try
        {
            await stream.ReadExactlyAsync(body.Array.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
