namespace Gateway.Embeddings.Service;

/// <summary>One queued request: a text or preprocessed image pixels, and the caller's completion.</summary>
internal sealed class EmbeddingWork
{
    private EmbeddingWork(string? text, float[]? pixels, CancellationToken cancellationToken)
    {
        Text = text;
        Pixels = pixels;
        CancellationToken = cancellationToken;
    }

    public string? Text { get; }

    public float[]? Pixels { get; }

    public CancellationToken CancellationToken { get; }

    // Continuations run asynchronously so that a caller's code never runs on the batch loop.
    public TaskCompletionSource<float[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static EmbeddingWork ForText(string text, CancellationToken cancellationToken) => new(text, null, cancellationToken);

    public static EmbeddingWork ForImage(float[] pixels, CancellationToken cancellationToken) => new(null, pixels, cancellationToken);
}
