namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// An entry of <c>fields</c> or <c>docvalue_fields</c>: a field pattern, an optional format, and (for <c>fields</c>)
/// <c>include_unmapped</c>: also the values <c>_source</c> holds under paths the mapping does not know.
/// </summary>
internal sealed record FieldAndFormat(string Field, string? Format, bool IncludeUnmapped = false);
