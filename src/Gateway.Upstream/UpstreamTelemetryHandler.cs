namespace Gateway.Upstream;

/// <summary>
/// Wraps the proxy's handler to the upstream: one client span per forwarded request (<c>upstream {method}</c>, the
/// parent of the HttpClient span when the upstream is reached over the network, the only span when it is the embedded
/// store in-process) and the count of upstream errors by status. Requests the gateway refuses itself never get here.
/// Only the asynchronous path is traced: YARP never sends synchronously.
/// </summary>
/// <param name="inner">The handler that reaches the upstream.</param>
public sealed class UpstreamTelemetryHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = UpstreamTelemetry.StartForward(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            UpstreamTelemetry.Answered(activity, UpstreamTelemetry.ProxyCaller, (int)response.StatusCode);
            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The client going away is no upstream error; everything else is, and YARP answers it (502, 504).
            UpstreamTelemetry.Unanswered(activity, UpstreamTelemetry.ProxyCaller, e);
            throw;
        }
    }
}
