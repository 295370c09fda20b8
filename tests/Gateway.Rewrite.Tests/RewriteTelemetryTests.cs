using System.Diagnostics;

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
}
