using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// The values of one field of one document, parsed and validated against its mapping.
/// Exactly one of the lists is set, chosen by <see cref="FieldMapping.Kind"/>:
/// keyword → <see cref="Keywords"/>; text → <see cref="Texts"/>;
/// long/integer/short/byte, date (epoch milliseconds, UTC) and boolean (0/1) → <see cref="Longs"/>;
/// double/float/half_float → <see cref="Doubles"/>; geo_point → <see cref="Points"/>;
/// dense_vector → <see cref="Vector"/>.
/// </summary>
internal sealed class FieldValues
{
    public required FieldMapping Mapping { get; init; }

    public IReadOnlyList<string>? Keywords { get; init; }

    public IReadOnlyList<string>? Texts { get; init; }

    public IReadOnlyList<long>? Longs { get; init; }

    public IReadOnlyList<double>? Doubles { get; init; }

    public IReadOnlyList<GeoPoint>? Points { get; init; }

    public float[]? Vector { get; init; }

    /// <summary>On the <c>_ignored</c> entry only: the values left out of each ignored field, as sent.</summary>
    public IReadOnlyDictionary<string, List<JsonNode?>>? IgnoredValues { get; init; }
}
