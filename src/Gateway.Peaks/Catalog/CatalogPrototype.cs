namespace Gateway.Peaks.Catalog;

/// <summary>A catalog document's prototype as the query path and ingestion read it.</summary>
/// <param name="Id">The catalog id (the document's <c>id</c>, else its <c>_id</c>).</param>
/// <param name="Names">Every name and alias (<c>names</c>, then <c>name</c>).</param>
/// <param name="Vector">The prototype.</param>
/// <param name="Peak">The whole peak when the document is a full catalog entry (with <c>latlon</c>); null otherwise.</param>
public sealed record CatalogPrototype(string Id, IReadOnlyList<string> Names, float[] Vector, Peak? Peak)
{
    /// <summary>Display name: the first name, else the id.</summary>
    public string Name => Names.Count > 0 ? Names[0] : Id;
}
