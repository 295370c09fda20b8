namespace Gateway.Rewrite;

/// <summary>The dense_vector fields of an index expression.</summary>
/// <param name="All">Every dense_vector field (full dotted paths) common to the resolved indices.</param>
/// <param name="Default">The field that text and image queries target when none is named: the configured one, or the only one.</param>
/// <param name="MissingIndex">The index the upstream answered 404 for, when the expression names one that does not exist.</param>
public sealed record VectorFields(IReadOnlyList<string> All, string? Default, string? MissingIndex = null);
