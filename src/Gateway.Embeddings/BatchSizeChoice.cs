namespace Gateway.Embeddings;

/// <summary>The batch size one tower runs at, and how it was chosen.</summary>
/// <param name="Tower"><c>text</c> or <c>vision</c>.</param>
/// <param name="Size">Rows per forward.</param>
/// <param name="Measured">True when timed at load; false when configured.</param>
/// <param name="Timings">The sizes timed (empty when configured).</param>
public sealed record BatchSizeChoice(string Tower, int Size, bool Measured, IReadOnlyList<BatchTiming> Timings)
{
    public override string ToString() => Measured
        ? $"{Tower} batch {Size} (fastest of {string.Join(", ", Timings.Select(t => $"{t.Size}: {t.ItemsPerSecond:0.#}/s"))})"
        : $"{Tower} batch {Size} (configured)";
}
