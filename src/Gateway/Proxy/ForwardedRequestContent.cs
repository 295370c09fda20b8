namespace Gateway.Proxy;

/// <summary>
/// A request body that stands in for YARP's own request content on the way upstream: it carries that content's
/// headers (copied as sent) and disposes it with itself. See <see cref="PipedRequestContent"/> and
/// <see cref="BufferedRequestContent"/>.
/// </summary>
internal abstract class ForwardedRequestContent : HttpContent
{
    protected ForwardedRequestContent(HttpContent inner)
    {
        Inner = inner;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>YARP's content, whose headers this one carries.</summary>
    protected HttpContent Inner { get; }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
