using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Elasticsearch's type names, for error messages.</summary>
internal static class FieldTypeNames
{
    public static string Of(FieldKind kind) => kind switch
    {
        FieldKind.Object => "object",
        FieldKind.Keyword => "keyword",
        FieldKind.Text => "text",
        FieldKind.Date => "date",
        FieldKind.GeoPoint => "geo_point",
        FieldKind.DenseVector => "dense_vector",
        FieldKind.Long => "long",
        FieldKind.Integer => "integer",
        FieldKind.Short => "short",
        FieldKind.Byte => "byte",
        FieldKind.Double => "double",
        FieldKind.Float => "float",
        FieldKind.HalfFloat => "half_float",
        FieldKind.Boolean => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
