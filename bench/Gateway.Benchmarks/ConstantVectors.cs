using Gateway.Rewrite;

namespace Gateway.Benchmarks;

/// <summary>Answers every query with one precomputed 768-d vector: the rewrite is measured without the embedding.</summary>
internal sealed class ConstantVectors : IQueryVectorSource, IVectorFieldResolver
{
    private static readonly float[] Vector = Enumerable.Range(0, 768).Select(i => MathF.Sin(i) / 19.6f).ToArray();
    private static readonly IdentifiedPeak[] Peaks = [new("ama_dablam", "Ama Dablam", 0.31, 0.93), new("thamserku", "Thamserku", 0.22, 0.41)];
    private static readonly VectorFields Fields = new(["clip_image"], "clip_image");

    public ValueTask<QueryVectorResult> FromTextAsync(string text, CancellationToken cancellationToken) =>
        ValueTask.FromResult<QueryVectorResult>(new QueryVector(Vector, "prompt_ensemble", null, [], 0));

    public ValueTask<QueryVectorResult> FromImageAsync(ReadOnlyMemory<byte> image, ImageQueryMode mode, CancellationToken cancellationToken) =>
        ValueTask.FromResult<QueryVectorResult>(new QueryVector(Vector, "image", null, Peaks, 0));

    public ValueTask<bool> IsCatalogPeakAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Peaks.Any(p => p.Id == id));

    public ValueTask<QueryVectorResult> FromPhotoAsync(string photoId, string index, ImageQueryMode mode, CancellationToken cancellationToken) =>
        ValueTask.FromResult<QueryVectorResult>(new QueryVector(Vector, "photo", null, Peaks, 0));

    public ValueTask<VectorFields?> ResolveAsync(string indexExpression, CancellationToken cancellationToken) =>
        ValueTask.FromResult<VectorFields?>(Fields);
}
