namespace Gateway.EmbeddedStore;

/// <summary>The Elasticsearch version the store reports (and whose REST behaviour it follows).</summary>
internal static class ServerInfo
{
    public const string Version = "9.2.0";
    public const string LuceneVersion = "10.3.1";
    public const string MinimumWireCompatibilityVersion = "8.19.0";
    public const string MinimumIndexCompatibilityVersion = "8.0.0";
    public const string BuildHash = "embedded";
    public const string BuildDate = "2025-10-21T00:00:00.000Z";
    public const string IndexVersion = "9039000";
    public const string Tagline = "You Know, for Search";

    /// <summary>The id of the one node (hits' <c>_node</c> when they are explained); fixed, as there is never another.</summary>
    public const string NodeId = "embedded-node-0";
}
