namespace Gateway.Rewrite;

/// <summary>A catalog name found in a text query.</summary>
/// <typeparam name="TPeak">What the catalog maps names to.</typeparam>
/// <param name="Peak">The peak the name belongs to.</param>
/// <param name="Name">The matched name, normalised (<see cref="PeakNameNormalizer"/>).</param>
/// <param name="IsWholeText">Whether the name is the whole text (then the prototype alone is the query vector).</param>
public sealed record PeakNameMatch<TPeak>(TPeak Peak, string Name, bool IsWholeText);
