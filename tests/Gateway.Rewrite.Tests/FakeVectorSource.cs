namespace Gateway.Rewrite.Tests;

/// <summary>Deterministic vectors: text → [1,0,0], image → [0,1,0] (identifies "ama_dablam"), photo → [0,0,1].</summary>
internal sealed class FakeVectorSource : IQueryVectorSource
{
    public static readonly IdentifiedPeak AmaDablam = new("ama_dablam", "Ama Dablam", 0.31, 0.93);

    public List<string> Calls { get; } = [];

    public ValueTask<QueryVectorResult> FromTextAsync(string text, CancellationToken cancellationToken)
    {
        Calls.Add("text:" + text);
        return ValueTask.FromResult<QueryVectorResult>(new QueryVector([1, 0, 0], "prompt_ensemble", null, [], 1.5));
    }

    public ValueTask<QueryVectorResult> FromImageAsync(ReadOnlyMemory<byte> image, ImageQueryMode mode, CancellationToken cancellationToken)
    {
        Calls.Add($"image:{image.Length}:{mode}");
        return ValueTask.FromResult<QueryVectorResult>(new QueryVector([0, 1, 0], "image", null, [AmaDablam], 2.5));
    }

    public ValueTask<bool> IsCatalogPeakAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(id is "ama_dablam" or "everest");

    public ValueTask<QueryVectorResult> FromPhotoAsync(string photoId, string index, ImageQueryMode mode, CancellationToken cancellationToken)
    {
        Calls.Add($"photo:{index}/{photoId}:{mode}");
        return ValueTask.FromResult<QueryVectorResult>(new QueryVector([0, 0, 1], "photo", "ama_dablam", [AmaDablam], 0));
    }
}
