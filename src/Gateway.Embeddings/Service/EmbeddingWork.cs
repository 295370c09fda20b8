using System.Diagnostics;

namespace Gateway.Embeddings.Service;

/// <summary>One queued request: texts that go through the text tower together, or one preprocessed image, and the caller's completion.</summary>
internal sealed class EmbeddingWork
{
    private EmbeddingWork(EmbeddingLane lane, string[]? texts, float[]? pixels, CancellationToken cancellationToken)
    {
        Lane = lane;
        Texts = texts;
        Pixels = pixels;
        CancellationToken = cancellationToken;
    }

    public EmbeddingLane Lane { get; }

    public string[]? Texts { get; }

    public float[]? Pixels { get; }

    /// <summary>Rows this request adds to a batch; a request's texts are never split across batches.</summary>
    public int Count => Texts?.Length ?? 1;

    public CancellationToken CancellationToken { get; }

    /// <summary>The caller's span, the parent of the batch's span (telemetry).</summary>
    public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;

    /// <summary>Whether a query has stopped the indexing batch this image was in.</summary>
    public bool Preempted => FirstStoppedAt is not null;

    /// <summary>When a query first stopped the batch this image was in (a <see cref="TimeProvider"/> timestamp).</summary>
    public long? FirstStoppedAt { get; private set; }

    /// <summary>Records that a query stopped this image's batch at <paramref name="timestamp"/>; the first time counts.</summary>
    public void MarkStopped(long timestamp) => FirstStoppedAt ??= timestamp;

    // Continuations run asynchronously so that a caller's code never runs on the scheduler's thread.
    public TaskCompletionSource<float[][]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static EmbeddingWork ForTexts(string[] texts, CancellationToken cancellationToken) => new(EmbeddingLane.Text, texts, null, cancellationToken);

    public static EmbeddingWork ForImage(float[] pixels, EmbeddingPriority priority, CancellationToken cancellationToken) =>
        new(priority == EmbeddingPriority.Query ? EmbeddingLane.QueryImage : EmbeddingLane.IndexImage, null, pixels, cancellationToken);
}
