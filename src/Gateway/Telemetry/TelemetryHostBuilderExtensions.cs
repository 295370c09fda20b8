using Gateway.Embeddings;
using Gateway.Photos;
using Gateway.Rewrite;
using Gateway.Telemetry;
using Gateway.Upstream;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers OpenTelemetry (metrics, traces, and logs over OTLP) when <see cref="TelemetryOptions"/> turns it on.</summary>
internal static class TelemetryHostBuilderExtensions
{
    /// <summary>The gateway's own sources and meters (<c>docs/telemetry.md</c>).</summary>
    internal static readonly string[] GatewaySources = [RewriteTelemetry.Name, EmbeddingTelemetry.Name, PhotosTelemetry.Name, UpstreamTelemetry.Name];

    /// <summary>The official Elasticsearch client's spans for the gateway's own upstream requests.</summary>
    internal const string ElasticTransportSource = "Elastic.Transport";

    /// <summary>
    /// Adds <see cref="TelemetryOptions"/> (section <c>Telemetry</c>, validated on start) and, when telemetry is on,
    /// the OpenTelemetry SDK: spans of the gateway's own sources, ASP.NET Core, HttpClient (YARP's forwarder to a
    /// networked upstream) and the Elasticsearch client; metrics of the gateway's meters, ASP.NET Core, HttpClient and
    /// the runtime; all exported over OTLP when an endpoint is configured. When off nothing is registered: no span is
    /// created and the gateway's measurements cost one branch each.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.Otlp.Endpoint;
        var fromEnvironment = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.EndpointVariable]);
        if (!(options.Enabled ?? (endpoint is not null || fromEnvironment)))
        {
            return builder;
        }

        var serviceName = options.ServiceName ?? builder.Configuration["OTEL_SERVICE_NAME"] ?? "gateway";
        var version = typeof(TelemetryHostBuilderExtensions).Assembly.GetName().Version?.ToString();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(GatewaySources)
                .AddSource(ElasticTransportSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(GatewaySources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (endpoint is not null)
        {
            // An endpoint that is no URL is left to the validation on start, which stops the host and names it.
            if (OtlpOptions.ParseEndpoint(endpoint) is { } uri)
            {
                telemetry.UseOtlpExporter(options.Otlp.Protocol, uri);
            }
        }
        else if (fromEnvironment)
        {
            // The SDK reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS and the rest itself.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
