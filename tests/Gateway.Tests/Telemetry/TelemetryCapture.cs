using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gateway.Tests.Telemetry;

/// <summary>
/// The OpenTelemetry in-memory exporters added to a gateway host whose telemetry is on (<c>Telemetry:Enabled=true</c>),
/// and the look-ups the tests make. The gateway's sources and meters are static, so a capture also sees other hosts of
/// the test process: tests pick their spans by trace id and assert on points that only their request can make.
/// </summary>
internal sealed class TelemetryCapture
{
    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    /// <summary>Adds the exporters to the host's tracer and meter providers.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
    }

    /// <summary>The finished spans of one trace.</summary>
    public Activity[] Trace(ActivityTraceId traceId) => [.. Spans.Snapshot().Where(s => s.TraceId == traceId)];

    /// <summary>Waits (bounded) until the span that <paramref name="done"/> picks has ended: a server span ends after its response was sent.</summary>
    public async Task<Activity[]> WaitForTraceAsync(ActivityTraceId traceId, Func<Activity, bool> done)
    {
        for (var attempt = 0; attempt < 200 && !Trace(traceId).Any(done); attempt++)
        {
            await Task.Delay(50);
        }

        return Trace(traceId);
    }

    /// <summary>The points of <paramref name="name"/> in the newest export, after making the meter provider export now.</summary>
    public IReadOnlyList<MetricPoint> Points(IServiceProvider services, string name)
    {
        Assert.True(services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        return Metrics.Snapshot().LastOrDefault(m => m.Name == name)?.MetricPoints ?? [];
    }

    /// <summary>A tag of a metric point, or null.</summary>
    public static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
