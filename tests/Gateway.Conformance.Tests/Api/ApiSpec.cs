namespace Gateway.Conformance.Tests.Api;

/// <summary>
/// The REST API spec entry of one API (paths, methods, query parameters), as in Elasticsearch's
/// <c>rest-api-spec/src/main/resources/rest-api-spec/api/*.json</c>.
/// </summary>
internal sealed record ApiSpec(string Name, IReadOnlyList<ApiPath> Paths, IReadOnlySet<string> QueryParams, bool NdJsonBody)
{
    /// <summary>All path part names across the templates.</summary>
    public IReadOnlySet<string> PathParts { get; } = Paths.SelectMany(p => p.Parts).ToHashSet(StringComparer.Ordinal);
}
