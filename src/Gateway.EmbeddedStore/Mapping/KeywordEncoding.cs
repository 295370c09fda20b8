namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// How a field that the store keeps as exact values (<see cref="FieldKind.Keyword"/>) reads its input: plain strings,
/// IP addresses (<c>ip</c>, validated and kept in canonical form so that <c>::ffff:1.2.3.4</c> equals <c>1.2.3.4</c>) or
/// base64 blobs (<c>binary</c>, validated, stored and never searchable); or the leaf values of a <c>flattened</c>
/// object (<see cref="Flattened"/> on the field itself, <see cref="FlattenedKey"/> on its keyed sub-fields such as
/// <c>labels.release</c>, which have no mapping entry of their own).
/// </summary>
internal enum KeywordEncoding
{
    Plain,
    Ip,
    Binary,
    Flattened,
    FlattenedKey,
}
