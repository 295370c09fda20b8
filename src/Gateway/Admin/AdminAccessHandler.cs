using Microsoft.AspNetCore.Authorization;

namespace Gateway.Admin;

/// <summary>
/// Decides <see cref="AdminAccessRequirement"/>: a signed-in admin (cookie, or Basic credentials for scripts).
/// While no admin password exists nobody passes; the first-run setup page (direct loopback only) creates one.
/// </summary>
internal sealed class AdminAccessHandler(AdminCredentials credentials) : AuthorizationHandler<AdminAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement)
    {
        if (credentials.Exists && context.User.Identities.Any(i => i is { IsAuthenticated: true, AuthenticationType: AdminAuthentication.Scheme or AdminBasicAuthenticationHandler.SchemeName }))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
