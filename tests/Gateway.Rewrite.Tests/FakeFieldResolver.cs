namespace Gateway.Rewrite.Tests;

/// <summary>photos → clip_image; multi → two fields; plain → none; anything else is unknown.</summary>
internal sealed class FakeFieldResolver : IVectorFieldResolver
{
    public ValueTask<VectorFields?> ResolveAsync(string indexExpression, CancellationToken cancellationToken) =>
        ValueTask.FromResult(indexExpression switch
        {
            "photos" or "photos,photos_v2" or "album_alias" => new VectorFields(["clip_image"], "clip_image"),
            "multi" => new VectorFields(["a_vec", "b_vec"], null),
            "plain" => new VectorFields([], null),
            _ => (VectorFields?)null,
        });
}
