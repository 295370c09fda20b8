using System.Globalization;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>Builds <see cref="FieldMapping"/> entries from normalised field definitions.</summary>
internal static class FieldMappings
{
    public const string DefaultDateFormat = "strict_date_optional_time||epoch_millis";

    /// <summary>date_nanos' default; the store keeps dates to the millisecond, so nanoseconds are truncated.</summary>
    public const string DefaultDateNanosFormat = "strict_date_optional_time_nanos||epoch_millis";

    public static FieldMapping Create(string path, JsonObject definition, string? parentPath, MappingDefaults? defaults = null)
    {
        defaults ??= MappingDefaults.None;
        var type = definition["type"]?.GetValue<string>() ?? "object";
        var kind = KindOf(type);
        return new FieldMapping
        {
            Path = path,
            Kind = kind,
            Definition = (JsonObject)definition.DeepClone(),
            ParentPath = parentPath,
            Dims = kind == FieldKind.DenseVector && definition["dims"] is JsonValue dims ? dims.GetValue<int>() : null,
            Similarity = kind == FieldKind.DenseVector && definition["similarity"] is JsonValue s ? VectorSimilarities.Parse(s.GetValue<string>()) : null,
            ElementType = kind == FieldKind.DenseVector && definition["element_type"] is JsonValue e ? VectorElementTypes.Parse(e.GetValue<string>()) ?? VectorElementType.Float : VectorElementType.Float,
            Indexed = definition["index"] is not JsonValue index || !index.TryGetValue<bool>(out var indexed) || indexed,
            Format = kind == FieldKind.Date ? definition["format"]?.GetValue<string>() ?? (type == "date_nanos" ? DefaultDateNanosFormat : DefaultDateFormat) : null,
            IgnoreMalformed = definition["ignore_malformed"] is JsonValue im
                ? im.TryGetValue<bool>(out var ignore) ? ignore : im.ToString() == "true"
                : defaults.IgnoreMalformed && MappingCompiler.IgnoreMalformedTypes.Contains(type),
            ScalingFactor = type == "scaled_float" && definition["scaling_factor"] is JsonValue factor ? factor.GetValue<double>() : null,
            IgnoreAbove = kind == FieldKind.Keyword && definition["ignore_above"] is JsonValue ia ? ReadInt(ia)
                : type is "keyword" or "flattened" ? defaults.IgnoreAbove : null,
            Encoding = type switch
            {
                "ip" => KeywordEncoding.Ip,
                "binary" => KeywordEncoding.Binary,
                "flattened" => KeywordEncoding.Flattened,
                _ => KeywordEncoding.Plain,
            },
        };
    }

    public static FieldKind KindOf(string type) => type switch
    {
        "keyword" or "ip" or "binary" or "flattened" => FieldKind.Keyword,
        "text" => FieldKind.Text,
        "date" or "date_nanos" => FieldKind.Date,
        "geo_point" => FieldKind.GeoPoint,
        "dense_vector" => FieldKind.DenseVector,
        "long" => FieldKind.Long,
        "integer" or "token_count" => FieldKind.Integer,
        "short" => FieldKind.Short,
        "byte" => FieldKind.Byte,
        "double" or "scaled_float" => FieldKind.Double,
        "float" => FieldKind.Float,
        "half_float" => FieldKind.HalfFloat,
        "boolean" => FieldKind.Boolean,
        _ => FieldKind.Object,
    };

    public static string TypeName(FieldMapping field) => field.Definition["type"]?.GetValue<string>() ?? "object";

    private static int ReadInt(JsonValue value) =>
        value.TryGetValue<int>(out var i) ? i : int.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture);
}
