using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// One mapped field, addressed by its full dotted path (<c>names.raw</c>, <c>camera.make</c>).
/// Multi-fields (<c>fields</c>) and object <c>properties</c> appear as their own entries in
/// <see cref="IndexMapping"/>, so search code looks every field up by path.
/// </summary>
internal sealed class FieldMapping
{
    /// <summary>Full dotted path of the field.</summary>
    public required string Path { get; init; }

    public required FieldKind Kind { get; init; }

    /// <summary>The field definition as Elasticsearch reports it in GET _mapping.</summary>
    public required JsonObject Definition { get; init; }

    /// <summary>dense_vector: number of dimensions.</summary>
    public int? Dims { get; init; }

    /// <summary>dense_vector: similarity (Elasticsearch's default is cosine).</summary>
    public VectorSimilarity? Similarity { get; init; }

    /// <summary>dense_vector: the element type (float unless mapped otherwise).</summary>
    public VectorElementType ElementType { get; init; }

    /// <summary>dense_vector: whether the field is indexed for kNN (default true).</summary>
    public bool Indexed { get; init; } = true;

    /// <summary>date: the format string (<c>strict_date_optional_time||epoch_millis</c> by default).</summary>
    public string? Format { get; init; }

    /// <summary>keyword kind: plain strings, or the <c>ip</c> or <c>binary</c> type kept as exact values.</summary>
    public KeywordEncoding Encoding { get; init; }

    /// <summary>keyword: strings longer than this are not indexed (ignore_above).</summary>
    public int? IgnoreAbove { get; init; }

    /// <summary>Numeric, date, ip, boolean and geo_point: a malformed value is left out (and the field listed in
    /// <c>_ignored</c>) instead of failing the document.</summary>
    public bool IgnoreMalformed { get; init; }

    /// <summary>scaled_float (a double field here): values are kept as <c>round(value × factor) / factor</c>.</summary>
    public double? ScalingFactor { get; init; }

    /// <summary>The value as the field keeps it: rounded to the scaling factor for a scaled_float, else unchanged.</summary>
    public double Quantize(double value) => ScalingFactor is { } factor ? Math.Floor((value * factor) + 0.5) / factor : value;

    /// <summary>For a multi-field (<c>names.raw</c>), the path of its parent (<c>names</c>).</summary>
    public string? ParentPath { get; init; }
}
