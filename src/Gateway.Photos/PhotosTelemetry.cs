using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Photos;

/// <summary>
/// The ingestion's span and meter (<c>docs/telemetry.md</c>): photos processed per album and outcome, from which
/// photos/s and failures per job follow. Plain <see cref="System.Diagnostics"/> types: the host subscribes to
/// <see cref="Name"/> when telemetry is on; with no listener no span is created and a measurement costs one branch.
/// </summary>
public static class PhotosTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Gateway.Photos";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Processed = Meter.CreateCounter<long>(
        "gateway.photos.processed",
        unit: "{photo}",
        description: "Photos an ingestion run finished: indexed (embedded and written), touched (same bytes, new time) or failed.");

    /// <summary>Counts one photo of <paramref name="album"/> with its outcome (<c>indexed</c>, <c>touched</c>, <c>failed</c>).</summary>
    internal static void Photo(string album, string outcome) =>
        Processed.Add(1, new KeyValuePair<string, object?>("gateway.album", album), new KeyValuePair<string, object?>("gateway.photos.outcome", outcome));

    /// <summary>Starts the span of one ingestion run over <paramref name="items"/> files to (re)index (null when nobody listens).</summary>
    internal static Activity? StartRun(string index, int items)
    {
        var activity = Source.StartActivity("ingest photos");
        activity?.SetTag("gateway.photos.index", index);
        activity?.SetTag("gateway.photos.items", items);
        return activity;
    }
}
