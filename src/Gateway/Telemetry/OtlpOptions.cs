using OpenTelemetry.Exporter;

namespace Gateway.Telemetry;

/// <summary>The OTLP exporter's settings (<c>Telemetry:Otlp</c>, part of <see cref="TelemetryOptions"/>).</summary>
internal sealed class OtlpOptions
{
    /// <summary>
    /// The collector's base URL, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP; the
    /// signal paths <c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c> are appended). Null: the standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> environment variables decide, and without them nothing is exported.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (default, port 4317) or <c>HttpProtobuf</c> (port 4318); used with <see cref="Endpoint"/>.</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>The endpoint as an absolute http(s) URL, or null when it is not one.</summary>
    internal static Uri? ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
