using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Upstream;

/// <summary>
/// Spans of forwarded requests and the count of upstream errors by status (<c>docs/telemetry.md</c>). Plain
/// <see cref="System.Diagnostics"/> types: the host subscribes to <see cref="Name"/> when telemetry is on; with no
/// listener no span is created and a measurement costs one branch.
/// </summary>
public static class UpstreamTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Gateway.Upstream";

    /// <summary>The <c>gateway.upstream.caller</c> of the gateway's own requests (<see cref="UpstreamClient"/>).</summary>
    public const string GatewayCaller = "gateway";

    /// <summary>The <c>gateway.upstream.caller</c> of the clients' requests that the proxy forwards.</summary>
    public const string ProxyCaller = "proxy";

    private static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "gateway.upstream.errors", unit: "{response}", description: "Upstream answers with a status of 400 or more, and requests that got no answer.");

    /// <summary>Starts the client span of one forwarded request (null when nobody listens).</summary>
    internal static Activity? StartForward(HttpRequestMessage request)
    {
        var activity = Source.StartActivity("upstream " + request.Method.Method, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", request.RequestUri?.AbsolutePath);
            activity.SetTag("server.address", request.RequestUri?.Host);
            activity.SetTag("server.port", request.RequestUri?.Port);
        }

        return activity;
    }

    /// <summary>Records an upstream answer: counted when its status is 400 or more, and put on <paramref name="activity"/>.</summary>
    internal static void Answered(Activity? activity, string caller, int status)
    {
        activity?.SetTag("http.response.status_code", status);
        if (status < 400)
        {
            return;
        }

        var error = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Errors.Add(1, new TagList { { "gateway.upstream.caller", caller }, { "http.response.status_code", status }, { "error.type", error } });
        activity?.SetTag("error.type", error);
        activity?.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>Records a request that got no answer (refused connection, timeout, transport failure).</summary>
    internal static void Unanswered(Activity? activity, string caller, Exception exception)
    {
        var error = exception.GetType().FullName;
        Errors.Add(1, new TagList { { "gateway.upstream.caller", caller }, { "error.type", error } });
        activity?.SetTag("error.type", error);
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
    }
}
