using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>Field kind groups used by aggregation checks.</summary>
internal static class QueryKinds
{
    public static bool IsNumeric(FieldKind kind) => Query.QueryValues.IsNumeric(kind);
}
