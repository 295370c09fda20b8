namespace Gateway.EmbeddedStore.Search.Explain;

/// <summary>The outcome of explaining one document: whether the searchable snapshot holds it, and why it matches or not.</summary>
internal sealed record DocumentExplanation(bool Found, Explanation? Explanation)
{
    public bool Matched => Explanation is { IsMatch: true };
}
