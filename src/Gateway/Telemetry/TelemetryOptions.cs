using System.ComponentModel.DataAnnotations;

namespace Gateway.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces (configuration section <c>Telemetry</c>, <c>docs/telemetry.md</c>). Off unless an
/// OTLP endpoint is configured (<c>Telemetry:Otlp:Endpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>):
/// then the gateway's own meters and spans, ASP.NET Core, HttpClient and the runtime are exported over OTLP.
/// </summary>
internal sealed class TelemetryOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>The standard environment variable that names the OTLP endpoint when <see cref="OtlpOptions.Endpoint"/> is not set.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Null (the default): on when an OTLP endpoint is configured. True: collect even without an endpoint, for exporters
    /// that the host adds in code (the tests' in-memory exporter). False: off even when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The <c>service.name</c> resource attribute; default <c>OTEL_SERVICE_NAME</c>, else <c>gateway</c>.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Where to export.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Otlp.Endpoint is { } endpoint && OtlpOptions.ParseEndpoint(endpoint) is null)
        {
            yield return new ValidationResult(
                $"Telemetry:Otlp:Endpoint: '{endpoint}' is not an absolute http or https URL like http://localhost:4317", [nameof(Otlp)]);
        }

        if (ServiceName is { } name && string.IsNullOrWhiteSpace(name))
        {
            yield return new ValidationResult("Telemetry:ServiceName must not be empty", [nameof(ServiceName)]);
        }
    }
}
