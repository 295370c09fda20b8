using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Embeddings.Service;

namespace Gateway.Embeddings;

/// <summary>
/// The embedding service's spans and meter (<c>docs/telemetry.md</c>): queue depth per lane, batch size and inference
/// time per tower, refusals. Plain <see cref="System.Diagnostics"/> types: the host subscribes to <see cref="Name"/> when
/// telemetry is on; with no listener no span is created and a measurement costs one branch.
/// </summary>
public static class EmbeddingTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Gateway.Embeddings";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly UpDownCounter<int> QueueDepth = Meter.CreateUpDownCounter<int>(
        "gateway.embedding.queue.depth", unit: "{row}", description: "Rows waiting in an embedding lane (not yet taken into a batch).");

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram(
        "gateway.embedding.batch.size",
        unit: "{row}",
        description: "Rows in one batch through a tower.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });

    private static readonly Histogram<double> InferenceDuration = Meter.CreateHistogram(
        "gateway.embedding.inference.duration",
        unit: "s",
        description: "Time one batch spent in a tower (tokenizing or copying pixels, the ONNX forward, normalising).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "gateway.embedding.rejected", unit: "{request}", description: "Requests refused because their lane's queue was full (answered 429).");

    private static readonly KeyValuePair<string, object?>[] LaneTags =
        [.. Enum.GetValues<EmbeddingLane>().Select(lane => new KeyValuePair<string, object?>("gateway.embedding.lane", LaneName(lane)))];

    internal static string LaneName(EmbeddingLane lane) => lane switch
    {
        EmbeddingLane.Text => "text",
        EmbeddingLane.QueryImage => "query_image",
        _ => "index_image",
    };

    internal static string TowerName(EmbeddingLane lane) => lane == EmbeddingLane.Text ? "text" : "vision";

    /// <summary>Rows entered (positive) or left (negative) the queue of <paramref name="lane"/>.</summary>
    internal static void Queued(EmbeddingLane lane, int rows) => QueueDepth.Add(rows, LaneTags[(int)lane]);

    internal static void Refused(EmbeddingLane lane) => Rejected.Add(1, LaneTags[(int)lane]);

    /// <summary>Starts the caller's span of one embedding request (null when nobody listens).</summary>
    internal static Activity? StartRequest(EmbeddingLane lane, int rows)
    {
        var activity = Source.StartActivity(lane == EmbeddingLane.Text ? "embed text" : "embed image");
        activity?.SetTag("gateway.embedding.tower", TowerName(lane));
        activity?.SetTag("gateway.embedding.lane", LaneName(lane));
        activity?.SetTag("gateway.embedding.rows", rows);
        return activity;
    }

    /// <summary>Marks a request's span failed with the failure's kind.</summary>
    internal static void Failed(Activity? activity, EmbeddingFailure failure)
    {
        activity?.SetTag("error.type", failure.Kind.ToString());
        activity?.SetStatus(ActivityStatusCode.Error, failure.Reason);
    }

    /// <summary>
    /// Starts the span of one batch on the scheduler's thread: a child of the first caller's span, linked to the other
    /// callers' spans (a batch serves several requests). Null when nobody listens.
    /// </summary>
    internal static Activity? StartBatch(EmbeddingLane lane, List<EmbeddingWork> works)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = works.Skip(1).Where(w => w.Caller != default).Select(w => new ActivityLink(w.Caller)).ToList();
        var activity = Source.StartActivity("inference " + TowerName(lane), ActivityKind.Internal, works[0].Caller, links: links);
        activity?.SetTag("gateway.embedding.tower", TowerName(lane));
        activity?.SetTag("gateway.embedding.lane", LaneName(lane));
        return activity;
    }

    /// <summary>Records one batch, which took <paramref name="elapsed"/>: its size and time, on the histograms and its span.</summary>
    internal static void BatchDone(Activity? activity, EmbeddingLane lane, int rows, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "gateway.embedding.tower", TowerName(lane) },
            { "gateway.embedding.lane", LaneName(lane) },
        };
        BatchSize.Record(rows, tags);
        tags.Add("gateway.embedding.outcome", outcome);
        InferenceDuration.Record(elapsed.TotalSeconds, tags);
        activity?.SetTag("gateway.embedding.batch.size", rows);
        activity?.SetTag("gateway.embedding.outcome", outcome);
        if (outcome == "failed")
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }
    }
}
