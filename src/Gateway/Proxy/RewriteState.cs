using Gateway.Rewrite;

namespace Gateway.Proxy;

/// <summary>Carries a rewritten request's annotations from the request transform to the response transform.</summary>
/// <param name="Kind">Search or multi-search.</param>
/// <param name="Annotations">One per search of the body.</param>
internal sealed record RewriteState(SearchEndpointKind Kind, IReadOnlyList<GatewayAnnotation?> Annotations);
