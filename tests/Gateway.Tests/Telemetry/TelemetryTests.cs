using System.Diagnostics;
using System.Net;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gateway.Tests.Telemetry;

/// <summary>
/// The real host with telemetry on and the OpenTelemetry in-memory exporters: one <c>query_text</c> search against the
/// embedded store gives the rewrite, embedding and upstream spans under the ASP.NET Core server span and the meters'
/// form, tower and batch size; a networked upstream gives the HttpClient span and the error count by status.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task QueryTextSearch_TracesRewriteEmbeddingAndUpstreamUnderTheServerSpan()
    {
        var capture = new TelemetryCapture();
        var model = TestModelFactory.WriteTo(Path.Combine(_temp.Path, "model"));
        using var host = GatewayHost.Start(_temp.Path, model.Directory, new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" }, capture.AddTo);
        await ColorPhotoSeeder.SeedAsync(host.ElasticClient(), host.Http, model.Dimensions);

        HttpResponseMessage response;
        ActivityTraceId traceId;
        using (var test = RecordedActivity())
        {
            // The test's own HttpClient span (this process has the instrumentation too) carries the trace to the gateway.
            traceId = test.TraceId;
            response = await host.Http.PostAsync("/photos/_search", EsRequests.Json("""{"query_text": "blue water at noon", "size": 2}"""));
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var spans = await capture.WaitForTraceAsync(traceId, s => s.Kind == ActivityKind.Server);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        var client = Assert.Single(spans, s => s.Source.Name == "System.Net.Http");
        Assert.Equal(client.SpanId, server.ParentSpanId);
        var rewrite = Assert.Single(spans, s => s.OperationName == "rewrite _search");
        Assert.Equal(server.SpanId, rewrite.ParentSpanId);
        Assert.Equal("query_text", rewrite.GetTagItem("gateway.rewrite.form"));
        Assert.Equal("shorthand", rewrite.GetTagItem("gateway.rewrite.clause"));
        Assert.Equal("rewritten", rewrite.GetTagItem("gateway.rewrite.outcome"));
        var embed = Assert.Single(spans, s => s.OperationName == "embed text");
        Assert.Equal(rewrite.SpanId, embed.ParentSpanId);
        var batch = Assert.Single(spans, s => s.OperationName == "inference text");
        Assert.Equal(embed.SpanId, batch.ParentSpanId);
        Assert.True((int)batch.GetTagItem("gateway.embedding.batch.size")! >= 1);
        var upstream = Assert.Single(spans, s => s.OperationName == "upstream POST");
        Assert.Equal(server.SpanId, upstream.ParentSpanId);
        Assert.Equal(ActivityKind.Client, upstream.Kind);
        Assert.Equal(200, upstream.GetTagItem("http.response.status_code"));

        var rewrites = capture.Points(host.Services, "gateway.rewrite.duration");
        Assert.Contains(rewrites, p => TelemetryCapture.Tag(p, "gateway.rewrite.form") is "query_text"
            && TelemetryCapture.Tag(p, "gateway.rewrite.clause") is "shorthand"
            && TelemetryCapture.Tag(p, "gateway.rewrite.outcome") is "rewritten"
            && p.GetHistogramCount() >= 1);
        var batches = capture.Points(host.Services, "gateway.embedding.batch.size");
        Assert.Contains(batches, p => TelemetryCapture.Tag(p, "gateway.embedding.tower") is "text" && p.GetHistogramSum() >= 1);
        Assert.Contains(batches, p => TelemetryCapture.Tag(p, "gateway.embedding.tower") is "vision" && p.GetHistogramSum() >= 1);
        var inference = capture.Points(host.Services, "gateway.embedding.inference.duration");
        Assert.Contains(inference, p => TelemetryCapture.Tag(p, "gateway.embedding.tower") is "text" && TelemetryCapture.Tag(p, "gateway.embedding.outcome") is "completed");
        Assert.Contains(capture.Points(host.Services, "gateway.embedding.queue.depth"), p => TelemetryCapture.Tag(p, "gateway.embedding.lane") is "text");
        Assert.NotEmpty(capture.Points(host.Services, "http.server.request.duration"));
    }

    [Fact]
    public async Task NetworkUpstream_HttpClientSpanUnderTheUpstreamSpan_AndErrorsCountedByStatus()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        upstream.Handler = async context =>
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("""{"error":{"type":"unavailable_shards_exception","reason":"busy"},"status":503}""");
        };
        var capture = new TelemetryCapture();
        using var host = GatewayHost.Start(_temp.Path, null, new Dictionary<string, string?>
        {
            ["Upstream:Url"] = upstream.Address.ToString(),
            ["Telemetry:Enabled"] = "true",
        }, capture.AddTo);

        HttpResponseMessage response;
        ActivityTraceId traceId;
        ActivitySpanId testSpan;
        using (var test = RecordedActivity())
        {
            (traceId, testSpan) = (test.TraceId, test.SpanId);
            response = await host.Http.GetAsync("/logs/_search");
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        // Test client span → gateway server span → upstream GET → HttpClient span → the upstream's server span.
        var spans = await capture.WaitForTraceAsync(traceId, s => s.Kind == ActivityKind.Server && s.ParentSpanId != default);
        var client = Assert.Single(spans, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == testSpan);
        spans = await capture.WaitForTraceAsync(traceId, s => s.Kind == ActivityKind.Server && s.ParentSpanId == client.SpanId);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.ParentSpanId == client.SpanId);
        var forward = Assert.Single(spans, s => s.OperationName == "upstream GET");
        Assert.Equal(server.SpanId, forward.ParentSpanId);
        Assert.Equal(503, forward.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, forward.Status);
        var http = Assert.Single(spans, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == forward.SpanId);
        Assert.Equal(ActivityKind.Client, http.Kind);

        // The upstream hears the trace: its parent is the HttpClient span.
        var recorded = Assert.Single(upstream.Requests);
        Assert.StartsWith($"00-{traceId}-{http.SpanId}-", recorded.Headers["traceparent"]);

        var errors = capture.Points(host.Services, "gateway.upstream.errors");
        Assert.Contains(errors, p => TelemetryCapture.Tag(p, "gateway.upstream.caller") is "proxy"
            && TelemetryCapture.Tag(p, "http.response.status_code") is 503
            && p.GetSumLong() >= 1);
    }

    /// <summary>A sampled root for the test's request: the SDK's parent-based sampler drops the children of an unsampled one.</summary>
    private static Activity RecordedActivity() => new Activity("test") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();

    [Fact]
    public void NoEndpoint_TelemetryOff_NothingRegistered()
    {
        using var host = GatewayHost.Start(_temp.Path, null);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void OtlpEndpoint_TelemetryOn()
    {
        // Nothing listens on port 9: the exporter's failures stay inside the SDK.
        using var host = GatewayHost.Start(_temp.Path, null, new Dictionary<string, string?> { ["Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:9" });

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void EndpointThatIsNoUrl_RefusedOnStart()
    {
        var e = Assert.Throws<OptionsValidationException>(() =>
            GatewayHost.Start(_temp.Path, null, new Dictionary<string, string?> { ["Telemetry:Otlp:Endpoint"] = "localhost:4317" }).Dispose());

        Assert.Contains("Telemetry:Otlp:Endpoint: 'localhost:4317' is not an absolute http or https URL", e.Message);
    }
}
