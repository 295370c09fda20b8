namespace Gateway.Rewrite;

/// <summary>Why a request was refused before it reached the upstream.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Type">Elasticsearch error type.</param>
/// <param name="Reason">Human-readable reason.</param>
public sealed record RewriteError(int Status, string Type, string Reason);
