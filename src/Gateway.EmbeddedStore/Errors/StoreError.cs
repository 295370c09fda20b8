using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Errors;

/// <summary>
/// An expected failure as a value (a version conflict, a missing index or document), in the terms of
/// Elasticsearch's error shape: <c>{"error":{"root_cause":[...],"type":...,"reason":...,"index":...},"status":N}</c>.
/// The store's operations return it inside a <see cref="StoreResult{T}"/>; the REST layer renders it.
/// </summary>
internal sealed class StoreError
{
    public StoreError(int status, string type, string reason, string? index = null)
    {
        Status = status;
        Type = type;
        Reason = reason;
        Index = index;
    }

    /// <summary>The HTTP status code Elasticsearch answers with for this error.</summary>
    public int Status { get; }

    /// <summary>Elasticsearch's error type name, e.g. <c>version_conflict_engine_exception</c>.</summary>
    public string Type { get; }

    /// <summary>The human-readable reason, rendered as <c>reason</c>.</summary>
    public string Reason { get; }

    /// <summary>The index the error concerns, reported as <c>index</c> in the error body.</summary>
    public string? Index { get; }

    /// <summary>The uuid of <see cref="Index"/>, reported as <c>index_uuid</c> when known.</summary>
    public string? IndexUuid { get; init; }

    /// <summary>Extra key/value pairs added to the error object (e.g. <c>resource.id</c>), in insertion order.</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The cause, rendered as <c>caused_by</c>.</summary>
    public StoreError? CausedBy { get; init; }

    /// <summary>Structured extra fields (a script error's <c>script_stack</c>, <c>position</c>, ...), rendered after <see cref="Metadata"/>.</summary>
    public JsonObject? Details { get; init; }

    public static StoreError IllegalArgument(string reason) => new(400, "illegal_argument_exception", reason);

    /// <summary>Elasticsearch's answer to a read or write of a closed index.</summary>
    public static StoreError IndexClosed(string index, string uuid) =>
        new(400, "index_closed_exception", "closed", index) { IndexUuid = uuid };

    public static StoreError IndexNotFound(string index) =>
        new(404, "index_not_found_exception", "no such index [" + index + "]", index)
        {
            Metadata = { ["resource.type"] = "index_or_alias", ["resource.id"] = index },
        };
}
