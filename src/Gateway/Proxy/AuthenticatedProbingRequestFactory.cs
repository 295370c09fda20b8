using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.Upstream;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// Active health probes that carry the gateway's upstream credentials: a secured cluster answers 401 to
/// anonymous probes, which YARP would count as failures.
/// </summary>
internal sealed class AuthenticatedProbingRequestFactory(IOptions<UpstreamOptions> options) : IProbingRequestFactory
{
    public HttpRequestMessage CreateRequest(ClusterModel cluster, DestinationModel destination)
    {
        var address = string.IsNullOrEmpty(destination.Config.Health) ? destination.Config.Address : destination.Config.Health;
        var path = cluster.Config.HealthCheck?.Active?.Path ?? "/";
        var uri = new Uri(new Uri(address.EndsWith('/') ? address : address + "/"), path.TrimStart('/'));
        var request = new HttpRequestMessage(HttpMethod.Get, uri)
        {
            Version = cluster.Config.HttpRequest?.Version ?? HttpVersion.Version11,
            VersionPolicy = cluster.Config.HttpRequest?.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower,
        };
        var upstream = options.Value;
        if (!string.IsNullOrEmpty(upstream.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", upstream.ApiKey);
        }
        else if (!string.IsNullOrEmpty(upstream.ClientUsername))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(upstream.ClientUsername + ":" + upstream.ClientPassword));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        return request;
    }
}
