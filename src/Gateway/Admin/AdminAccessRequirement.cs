using Microsoft.AspNetCore.Authorization;

namespace Gateway.Admin;

/// <summary>The admin area's rule: a signed-in admin when a password is configured, otherwise a loopback caller.</summary>
internal sealed class AdminAccessRequirement : IAuthorizationRequirement;
