using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Rewrite.Tests;

/// <summary>The rewrite span's form, clause and outcome tags (the same tags go on <c>gateway.rewrite.duration</c>).</summary>
public sealed class RewriteTelemetryTests
{
    private readonly RewriterHarness _harness = new();

    [Theory]
    [InlineData("""{"query_text":"red"}""", "query_text", "shorthand", "rewritten")]
    [InlineData("""{"knn":{"field":"clip_image","query_image":{"photo_id":"p"},"k":3}}""", "photo_id", "knn", "rewritten")]
    [InlineData("""{"query":{"neural":{"clip_image":{"query_text":"red"}}}}""", "query_text", "neural", "rewritten")]
    [InlineData("""{"knn":{"field":"clip_image","query_text":"red","k":3},"query":{"neural":{"clip_image":{"query_image":{"photo_id":"p"}}}}}""", "mixed", "mixed", "rewritten")]
    [InlineData("""{"query":{"match":{"caption":"query_text"}}}""", "none", "none", "unchanged")]
    [InlineData("""{"query_text":"red","query_image":{"photo_id":"p"}}""", "none", "none", "refused")]
    public async Task Rewrite_SpanNamesFormClauseAndOutcome(string body, string form, string clause, string outcome)
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RewriteTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        listener.ActivityStopped = span =>
        {
            lock (spans)
            {
                spans.Add(span);
            }
        };
        ActivitySource.AddActivityListener(listener);

        // Other tests rewrite at the same time: this test's span is the one under its own parent.
        using (var parent = new Activity("test").Start())
        {
            await _harness.SearchAsync("photos", body);
            lock (spans)
            {
                var span = Assert.Single(spans, s => s.ParentSpanId == parent.SpanId);
                Assert.Equal("rewrite _search", span.OperationName);
                Assert.Equal(form, span.GetTagItem("gateway.rewrite.form"));
                Assert.Equal(clause, span.GetTagItem("gateway.rewrite.clause"));
                Assert.Equal(outcome, span.GetTagItem("gateway.rewrite.outcome"));
                Assert.Equal(outcome == "refused" ? ActivityStatusCode.Error : ActivityStatusCode.Unset, span.Status);
            }
        }
    }

    [Fact]
    public async Task Rewrite_DurationIsReadFromTheInjectedClock()
    {
        // The vector source takes 7 s of the fake clock; no real rewrite takes that long, so a 7 s measurement is this one.
        var clock = new FakeTimeProvider();
        var rewriter = new SearchRewriter(new SlowVectorSource(clock, TimeSpan.FromSeconds(7)), new FakeFieldResolver(), new RewriteOptions(), clock);
        var durations = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RewriteTelemetry.Name && instrument.Name == "gateway.rewrite.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (durations)
            {
                durations.Add(value);
            }
        });
        listener.Start();

        var result = await rewriter.RewriteSearchAsync("photos", Encoding.UTF8.GetBytes("""{"query_text":"red"}"""), CancellationToken.None);

        Assert.True(result.IsRewritten);
        lock (durations)
        {
            Assert.Contains(7.0, durations);
        }
    }

    private sealed class SlowVectorSource(FakeTimeProvider clock, TimeSpan takes) : IQueryVectorSource
    {
        private readonly FakeVectorSource _inner = new();

        public ValueTask<QueryVectorResult> FromTextAsync(string text, CancellationToken cancellationToken)
        {
            clock.Advance(takes);
            return _inner.FromTextAsync(text, cancellationToken);
        }

        public ValueTask<QueryVectorResult> FromImageAsync(ReadOnlyMemory<byte> image, ImageQueryMode mode, CancellationToken cancellationToken) =>
            _inner.FromImageAsync(image, mode, cancellationToken);

        public ValueTask<bool> IsCatalogPeakAsync(string id, CancellationToken cancellationToken) => _inner.IsCatalogPeakAsync(id, cancellationToken);

        public ValueTask<QueryVectorResult> FromPhotoAsync(string photoId, string index, ImageQueryMode mode, CancellationToken cancellationToken) =>
            _inner.FromPhotoAsync(photoId, index, mode, cancellationToken);
    }
}
