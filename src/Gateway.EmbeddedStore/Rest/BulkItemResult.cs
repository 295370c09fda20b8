using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// The answer of one bulk item: its outcome (with the update's <c>get</c> section when asked
/// for), or the error that failed it alone.
/// </summary>
internal sealed record BulkItemResult(string Action, string Index, string? Id, int Status, WriteOutcome? Outcome, JsonNode? Get, StoreError? Error);
