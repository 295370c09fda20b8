namespace Gateway.Embeddings.Tests;

/// <summary>The vector of a result a test expects to succeed (a failure fails the test with its reason).</summary>
internal static class EmbeddingResultTestExtensions
{
    public static async Task<float[]> VectorAsync(this ValueTask<EmbeddingResult<float[]>> pending) => (await pending).Value;

    public static async Task<float[]> VectorAsync(this Task<EmbeddingResult<float[]>> pending) => (await pending).Value;
}
