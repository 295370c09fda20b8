using System.IO.Pipelines;
using System.Net;

namespace Gateway.Proxy;

/// <summary>
/// Lets an in-process handler read a forwarded body with <c>ReadAsStreamAsync</c>: YARP's request content only
/// supports being copied to a stream, so the copy runs into a pipe whose reading end is handed out. The body
/// still streams (nothing is buffered beyond the pipe's window).
/// </summary>
internal sealed class PipedRequestContent(HttpContent inner) : ForwardedRequestContent(inner)
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Inner.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Inner.CopyToAsync(stream, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        var pipe = new Pipe();
        _ = CopyAsync(pipe.Writer);
        return Task.FromResult(pipe.Reader.AsStream());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Inner.Headers.ContentLength ?? 0;
        return Inner.Headers.ContentLength.HasValue;
    }

    private async Task CopyAsync(PipeWriter writer)
    {
        try
        {
            await Inner.CopyToAsync(writer.AsStream(leaveOpen: true)).ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The reader sees the failure (a client that aborted its upload) instead of a truncated body.
            await writer.CompleteAsync(e).ConfigureAwait(false);
        }
    }
}
