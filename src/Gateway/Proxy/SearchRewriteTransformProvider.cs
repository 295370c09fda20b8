using Gateway.Upstream;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy;

/// <summary>
/// Adds the search rewrite (request), small-body buffering (<see cref="SmallBodyTransform"/>) and the
/// <c>_gateway</c> annotation (response) to every proxied route, and
/// leaves out YARP's default X-Forwarded transforms unless <see cref="UpstreamOptions.ForwardedHeaders"/> asks for them.
/// </summary>
internal sealed class SearchRewriteTransformProvider(SearchRewriteTransform transform, IOptions<UpstreamOptions> options) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        // Only the defaults: a route's own X-Forwarded transform has already set this to false and added itself.
        if (!options.Value.ForwardedHeaders)
        {
            context.UseDefaultForwarders = false;
        }

        context.AddRequestTransform(transform.RequestAsync);
        context.AddRequestTransform(SmallBodyTransform.RequestAsync);
        context.AddResponseTransform(transform.ResponseAsync);
    }
}
