using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Errors;

/// <summary>
/// A client-visible failure, rendered in Elasticsearch's error shape:
/// <c>{"error":{"root_cause":[...],"type":...,"reason":...},"status":N}</c>.
/// Thrown by request parsing and validation (a malformed request is refused before anything is
/// done); expected failures of the store's operations are <see cref="StoreError"/> values instead.
/// The REST layer turns it into a response through <see cref="ToError"/>.
/// </summary>
internal sealed class StoreException : Exception
{
    public StoreException(int status, string type, string reason, string? index = null)
        : base(reason)
    {
        Status = status;
        Type = type;
        Index = index;
    }

    /// <summary>The HTTP status code Elasticsearch answers with for this error.</summary>
    public int Status { get; }

    /// <summary>Elasticsearch's error type name, e.g. <c>index_not_found_exception</c>.</summary>
    public string Type { get; }

    /// <summary>The index the error concerns, reported as <c>index</c> in the error body.</summary>
    public string? Index { get; }

    /// <summary>The uuid of <see cref="Index"/>, reported as <c>index_uuid</c> when known.</summary>
    public string? IndexUuid { get; init; }

    /// <summary>Extra key/value pairs added to the error object (e.g. <c>resource.id</c>).</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();

    /// <summary>The cause, rendered as <c>caused_by</c>.</summary>
    public StoreException? CausedBy { get; init; }

    /// <summary>Structured extra fields (a script error's <c>script_stack</c>, <c>position</c>, ...).</summary>
    public JsonObject? Details { get; init; }

    /// <summary>This failure as the value the REST layer renders.</summary>
    internal StoreError ToError() => new(Status, Type, Message, Index)
    {
        IndexUuid = IndexUuid,
        Metadata = new Dictionary<string, string>(Metadata),
        CausedBy = CausedBy?.ToError(),
        Details = Details,
    };

    public static StoreException BadRequest(string type, string reason) => new(400, type, reason);

    public static StoreException Parsing(string reason) => new(400, "parsing_exception", reason);

    public static StoreException IllegalArgument(string reason) => new(400, "illegal_argument_exception", reason);

}
