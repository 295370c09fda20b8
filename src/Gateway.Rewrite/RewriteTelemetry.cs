using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Rewrite;

/// <summary>
/// The rewriter's span and meter (<c>docs/telemetry.md</c>). Plain <see cref="System.Diagnostics"/> types: the host
/// subscribes to <see cref="Name"/> when telemetry is on; with no listener a span is never created and a measurement
/// costs one branch.
/// </summary>
public static class RewriteTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Gateway.Rewrite";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "gateway.rewrite.duration",
        unit: "s",
        description: "Time to rewrite one _search or _msearch body that mentions query_text, query_image or neural, embedding included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    /// <summary>Starts the span of one body's rewrite (null when nobody listens).</summary>
    internal static Activity? Start(string endpoint) => Source.StartActivity("rewrite " + endpoint);

    /// <summary>Records one body's rewrite, which took <paramref name="elapsed"/>, on the histogram and its span.</summary>
    internal static void Record(Activity? activity, string endpoint, RewriteForms forms, string outcome, TimeSpan elapsed)
    {
        if (!Duration.Enabled && activity is null)
        {
            return;
        }

        var tags = new TagList
        {
            { "gateway.search.endpoint", endpoint },
            { "gateway.rewrite.form", forms.Form },
            { "gateway.rewrite.clause", forms.Clause },
            { "gateway.rewrite.outcome", outcome },
        };
        Duration.Record(elapsed.TotalSeconds, tags);
        if (activity is not null)
        {
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            if (outcome != "rewritten" && outcome != "unchanged")
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }
}
