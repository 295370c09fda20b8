using System.Net;
using Hangfire.Dashboard;

namespace Gateway.Jobs;

/// <summary>The dashboard's own check when no admin sign-in is configured: loopback callers only.</summary>
internal sealed class LoopbackDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var connection = context.GetHttpContext().Connection;
        return connection.RemoteIpAddress is null ? connection.LocalIpAddress is null : IPAddress.IsLoopback(connection.RemoteIpAddress);
    }
}
