namespace Gateway.Conformance.Tests.Api;

/// <summary>
/// The REST API spec entry of one API (paths, methods, query parameters), as in Elasticsearch's
/// <c>rest-api-spec/src/main/resources/rest-api-spec/api/*.json</c>.
/// </summary>
internal sealed record ApiSpec(string Name, IReadOnlyList<ApiPath> Paths, IReadOnlySet<string> QueryParams, bool NdJsonBody)
{
    /// <summary>The spec's <c>body.required</c>: the Java client refuses the call without a body.</summary>
    public bool BodyRequired { get; init; }

    /// <summary>All path part names across the templates.</summary>
    public IReadOnlySet<string> PathParts { get; } = Paths.SelectMany(p => p.Parts).ToHashSet(StringComparer.Ordinal);
}
