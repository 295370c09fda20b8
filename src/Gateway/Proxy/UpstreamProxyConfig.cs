using Gateway.Upstream;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>
/// The YARP routes and cluster generated from <c>Upstream:Url</c> when the configuration has no
/// <c>ReverseProxy</c> section: one catch-all route (lowest priority, so the gateway's own endpoints win)
/// to the cluster <c>upstream</c>; for node lists power-of-two-choices load balancing with active
/// (<c>GET /</c> every 10 s) and passive (transport failure rate) health checks.
/// </summary>
internal static class UpstreamProxyConfig
{
    public const string ClusterId = "upstream";

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        new RouteConfig
        {
            RouteId = "upstream-catch-all",
            ClusterId = ClusterId,
            Order = int.MaxValue,
            Match = new RouteMatch { Path = "/{**catch-all}" },
        },
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(UpstreamOptions options)
    {
        if (options.IsEmbedded)
        {
            return
            [
                new ClusterConfig
                {
                    ClusterId = ClusterId,
                    Destinations = new Dictionary<string, DestinationConfig> { ["embedded"] = new() { Address = EmbeddedUpstream.Address.ToString() } },
                },
            ];
        }

        var destinations = options.Nodes
            .Select((node, i) => (Key: $"node{i + 1}", Value: new DestinationConfig { Address = node.ToString() }))
            .ToDictionary(d => d.Key, d => d.Value);
        return
        [
            new ClusterConfig
            {
                ClusterId = ClusterId,
                Destinations = destinations,
                LoadBalancingPolicy = "PowerOfTwoChoices",
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = destinations.Count > 1,
                        Interval = TimeSpan.FromSeconds(10),
                        Timeout = TimeSpan.FromSeconds(5),
                        Policy = "ConsecutiveFailures",
                        Path = "/",
                    },
                    Passive = new PassiveHealthCheckConfig
                    {
                        Enabled = destinations.Count > 1,
                        Policy = "TransportFailureRate",
                        ReactivationPeriod = TimeSpan.FromSeconds(30),
                    },
                },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(10) },
            },
        ];
    }
}
