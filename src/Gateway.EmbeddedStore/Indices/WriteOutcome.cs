namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// The result of one document write, as the REST layer reports it. <c>Result</c> is
/// <c>created</c>, <c>updated</c>, <c>deleted</c>, <c>not_found</c> or <c>noop</c>;
/// <c>Position</c> is the translog position to sync before acknowledging (0 for no-ops).
/// </summary>
internal sealed record WriteOutcome(IndexState Index, string Id, string Result, long Version, long SeqNo, long PrimaryTerm, long Position);
