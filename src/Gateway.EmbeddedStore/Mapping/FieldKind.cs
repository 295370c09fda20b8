namespace Gateway.EmbeddedStore.Mapping;

/// <summary>The Elasticsearch field types the embedded store understands.</summary>
internal enum FieldKind
{
    Object,
    Keyword,
    Text,
    Date,
    GeoPoint,
    DenseVector,
    Long,
    Integer,
    Short,
    Byte,
    Double,
    Float,
    HalfFloat,
    Boolean,
}
