namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// Elasticsearch's deprecation <c>Warning</c> response header (RFC 7234 warn-code 299, the agent
/// <c>Elasticsearch-{version}-{build}</c>, the quoted message), which clients and the YAML tests' <c>warnings</c> read.
/// </summary>
internal static class DeprecationWarning
{
    public const string HeaderName = "Warning";

    public static string Header(string message) =>
        "299 Elasticsearch-" + ServerInfo.Version + "-" + ServerInfo.BuildHash + " \"" + message.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>The deprecation a search body carries, if any: the object form of <c>indices_boost</c> (SearchSourceBuilder's warning).</summary>
    public static string? ForSearchBody(System.Text.Json.Nodes.JsonObject? body) =>
        body?["indices_boost"] is System.Text.Json.Nodes.JsonObject ? "Object format in indices_boost is deprecated, please use array format instead" : null;
}
