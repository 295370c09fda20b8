namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// How a field that the store keeps as exact values (<see cref="FieldKind.Keyword"/>) reads its input: plain strings,
/// IP addresses (<c>ip</c>, validated and kept in canonical form so that <c>::ffff:1.2.3.4</c> equals <c>1.2.3.4</c>) or
/// base64 blobs (<c>binary</c>, validated, stored and never searchable).
/// </summary>
internal enum KeywordEncoding
{
    Plain,
    Ip,
    Binary,
}
