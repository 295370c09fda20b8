using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>Elasticsearch's document parsing errors (type <c>document_parsing_exception</c> since 8.8).</summary>
internal static class DocumentErrors
{
    public static StoreException FieldParse(string field, string type, string id, string preview, string cause, string causeType = "illegal_argument_exception") =>
        new(400, "document_parsing_exception",
            "failed to parse field [" + field + "] of type [" + type + "] in document with id '" + id + "'. Preview of field's value: '" + Preview(preview) + "'")
        {
            CausedBy = new StoreException(400, causeType, cause),
        };

    public static StoreException Document(string reason) => new(400, "document_parsing_exception", reason);

    public static StoreException MetadataField(string name) =>
        Document("Field [" + name + "] is a metadata field and cannot be added inside a document. Use the index API request parameters.");

    private static string Preview(string value) => value.Length > 40 ? value[..40] + "..." : value;
}
