namespace Gateway.Embeddings;

/// <summary>The live state of the embedding queues (one per tower), as health endpoints report it.</summary>
/// <param name="TextWaiting">Text requests queued, not yet in a batch.</param>
/// <param name="TextInBatch">Text requests in the batch the text tower is running now.</param>
/// <param name="ImageWaiting">Image requests queued, not yet in a batch.</param>
/// <param name="ImageInBatch">Image requests in the batch the vision tower is running now.</param>
/// <param name="ImagesDecoding">Images being decoded and resized before they join the queue.</param>
public sealed record EmbeddingQueueStatus(int TextWaiting, int TextInBatch, int ImageWaiting, int ImageInBatch, int ImagesDecoding)
{
    /// <summary>No model loaded: nothing queued.</summary>
    public static EmbeddingQueueStatus Idle { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Requests queued in either tower (each queue refuses more than its limit with HTTP 429).</summary>
    public int Waiting => TextWaiting + ImageWaiting;

    /// <summary>Every request the service holds: queued, in a running batch, or decoding.</summary>
    public int InFlight => Waiting + TextInBatch + ImageInBatch + ImagesDecoding;
}
