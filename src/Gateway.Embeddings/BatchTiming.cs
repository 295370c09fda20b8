namespace Gateway.Embeddings;

/// <summary>One timed batch size: how long a batch of <paramref name="Size"/> synthetic inputs took.</summary>
public sealed record BatchTiming(int Size, double BatchMs)
{
    public double ItemsPerSecond => BatchMs > 0 ? Size * 1000 / BatchMs : double.PositiveInfinity;
}
