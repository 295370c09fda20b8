namespace Gateway.EmbeddedStore;

/// <summary>The Elasticsearch version the store reports (and whose REST behaviour it follows).</summary>
internal static class ServerInfo
{
    public const string Version = "9.1.0";
    public const string LuceneVersion = "10.2.2";
    public const string MinimumWireCompatibilityVersion = "8.19.0";
    public const string MinimumIndexCompatibilityVersion = "8.0.0";
    public const string BuildHash = "embedded";
    public const string BuildDate = "2025-07-15T00:00:00.000Z";
    public const string IndexVersion = "9033000";
    public const string Tagline = "You Know, for Search";
}
