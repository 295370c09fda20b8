using Gateway.EmbeddedStore.Documents;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>One sort clause of a search request.</summary>
internal sealed class SortSpec
{
    public required string Field { get; init; }

    public bool Descending { get; init; }

    /// <summary><c>_last</c> (default), <c>_first</c>, or a literal replacement value.</summary>
    public string? Missing { get; init; }

    /// <summary>min/max/sum/avg/median for multi-valued fields.</summary>
    public string? Mode { get; init; }

    public string? UnmappedType { get; init; }

    /// <summary>For <c>_geo_distance</c>: the origin points.</summary>
    public IReadOnlyList<GeoPoint>? GeoOrigins { get; init; }

    public string GeoUnit { get; init; } = "m";

    public string GeoDistanceType { get; init; } = "arc";

    public string? Format { get; init; }

    /// <summary>The <c>nested</c> option: sort by the values of the document's nested objects.</summary>
    public Nested.NestedSort? Nested { get; init; }

    /// <summary>For <c>_script</c>: the script whose value sorts, and its <c>type</c> (<c>number</c> or <c>string</c>).</summary>
    public Scripts.ScriptSort? Script { get; init; }

    public bool IsScore => Field == "_score";

    public bool IsDoc => Field == "_doc";

    public bool IsGeoDistance => GeoOrigins is not null;
}
