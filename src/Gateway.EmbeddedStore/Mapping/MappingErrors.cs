using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>Elasticsearch's mapping error types and reasons.</summary>
internal static class MappingErrors
{
    public static StoreException MapperParsing(string reason, StoreException? cause = null) =>
        new(400, "mapper_parsing_exception", reason) { CausedBy = cause };

    /// <summary>Wraps a mapping definition error the way index creation reports it.</summary>
    public static StoreException FailedToParseMapping(StoreException cause) =>
        new(400, "mapper_parsing_exception", "Failed to parse mapping: " + cause.Message) { CausedBy = cause };

    public static StoreException StrictDynamic(string field, string parent) =>
        new(400, "strict_dynamic_mapping_exception",
            "[" + parent + "] mapping set to strict, dynamic introduction of [" + field + "] within [" + parent + "] is not allowed");
}
