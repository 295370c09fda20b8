using System.Collections.Frozen;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// Which cluster features a test may require. Synthetic <c>gte_vX.Y.Z</c> features follow the reported version.
/// Named features are those a 9.x node has; against the embedded store, the ones outside its subset are absent
/// (a test that requires one is reported unsupported with the reason below).
/// </summary>
internal static class ClusterFeatures
{
    /// <summary>Named cluster features that a 9.x node reports (the ones these test files name).</summary>
    public static FrozenSet<string> PresentIn9x { get; } = new[]
    {
        "index.throw_exception_on_index_creation_if_unsupported_value_type_in_alias",
        "mapper.unknown_field_mapping_update_error_message",
        "mapper.npe_on_dims_update_fix",
        "mapper.vectors.generic_vector_format",
        "mapper.dense_vector.unified_value_formats",
        "mapper.base64_dense_vectors",
        "mapper.dense_vector.inference_id",
        "mapper.vectors.on_disk_merge",
        "search.hide_vectors_in_source",
        "search.vectors.no_dimensions_bugfix",
        "search.vectors.dense_vector_query",
        "search.vectors.mappers.expose_hnsw_early_termination",
        "mapper.dense_vector.rescore_vector",
        "mapper.dense_vector.rescore_zero_vector",
        "mapper.dense_vector.default_oversample_value_for_bbq",
        "mapper.vectors.int4_quantization",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Features outside the embedded store's subset, with the reason.</summary>
    public static FrozenDictionary<string, string> OutsideEmbeddedSubset { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mapper.dense_vector.inference_id"] = "inference ids (semantic text / inference endpoints) are outside the store's subset",
        ["mapper.vectors.on_disk_merge"] = "HNSW on-disk merge is a Lucene segment option the store has no equivalent for",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="feature"/> is on; <paramref name="unknownReason"/> explains an absent named feature.</summary>
    public static bool IsPresent(string feature, Version version, bool embedded, out string? unknownReason)
    {
        unknownReason = null;
        if (feature.StartsWith("gte_v", StringComparison.Ordinal))
        {
            return version >= VersionRanges.Parse(feature["gte_v".Length..]);
        }

        if (embedded && OutsideEmbeddedSubset.TryGetValue(feature, out var reason))
        {
            unknownReason = reason;
            return false;
        }

        if (PresentIn9x.Contains(feature) && version.Major >= 9)
        {
            return true;
        }

        unknownReason = $"cluster feature [{feature}] is not known to be on in {version}";
        return false;
    }
}
