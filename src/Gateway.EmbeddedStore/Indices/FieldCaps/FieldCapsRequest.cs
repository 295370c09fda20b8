using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Indices.FieldCaps;

/// <summary>
/// A field capabilities request after parsing: field name patterns, <c>filters</c>, <c>types</c>,
/// <c>include_unmapped</c> and <c>include_empty_fields</c>.
/// </summary>
internal sealed record FieldCapsRequest(IReadOnlyList<string> Fields, IReadOnlyList<string> Filters, IReadOnlyList<string> Types, bool IncludeUnmapped, bool IncludeEmptyFields)
{
    /// <summary>Whether a field name matches one of the patterns (<c>*</c> wildcards anywhere).</summary>
    public bool Matches(string name) => Fields.Any(pattern => Wildcard.Matches(pattern, name));

    /// <summary>Whether parent objects are reported (unless <c>-parent</c>).</summary>
    public bool IncludeParents => !Filters.Contains("-parent");
}
