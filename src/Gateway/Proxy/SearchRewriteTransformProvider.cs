using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy;

/// <summary>Adds the search rewrite (request) and the <c>_gateway</c> annotation (response) to every proxied route.</summary>
internal sealed class SearchRewriteTransformProvider(SearchRewriteTransform transform) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        context.AddRequestTransform(transform.RequestAsync);
        context.AddResponseTransform(transform.ResponseAsync);
    }
}
