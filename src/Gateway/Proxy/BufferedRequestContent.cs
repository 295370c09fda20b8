using System.Net;

namespace Gateway.Proxy;

/// <summary>
/// A forwarded body the gateway already holds in memory (a <c>_search</c>/<c>_msearch</c> body it read to inspect
/// or rewrite): handed to the embedded store's in-process handler as is (no pipe, no background copy), and written
/// to an Elasticsearch node in one piece with the headers (<see cref="BufferedBodyHandler"/>). YARP's own content
/// is kept for its headers and disposal but never started (YARP only waits for a body copy that started).
/// </summary>
internal sealed class BufferedRequestContent(HttpContent inner, byte[] body) : ForwardedRequestContent(inner)
{
    /// <summary>Where the proxy transform leaves the body it forwards (<see cref="HttpRequestMessage.Options"/>).</summary>
    public static readonly HttpRequestOptionsKey<byte[]> Key = new("Gateway.BufferedRequestBody");

    private readonly byte[] _body = body;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body, cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_body, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
