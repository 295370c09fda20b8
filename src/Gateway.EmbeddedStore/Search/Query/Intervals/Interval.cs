namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>A run of token positions, <see cref="Start"/> to <see cref="End"/> inclusive.</summary>
internal readonly record struct Interval(int Start, int End)
{
    public int Width => End - Start + 1;

    public bool Contains(Interval other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(Interval other) => Start <= other.End && other.Start <= End;
}
