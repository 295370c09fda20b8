using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>Decides <see cref="AdminAccessRequirement"/>.</summary>
internal sealed class AdminAccessHandler(IOptionsMonitor<AdminOptions> options, IHttpContextAccessor accessor) : AuthorizationHandler<AdminAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement)
    {
        if (options.CurrentValue.HasPassword)
        {
            if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: AdminAuthentication.Scheme })
            {
                context.Succeed(requirement);
            }
        }
        else if (IsLoopback(accessor.HttpContext ?? context.Resource as HttpContext))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    internal static bool IsLoopback(HttpContext? http)
    {
        var connection = http?.Connection;
        if (connection is null)
        {
            return false;
        }

        // An in-memory test server has no remote address; it is as local as a caller can be.
        return connection.RemoteIpAddress is null
            ? connection.LocalIpAddress is null
            : IPAddress.IsLoopback(connection.RemoteIpAddress);
    }
}
