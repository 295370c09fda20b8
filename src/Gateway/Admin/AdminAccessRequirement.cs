using Microsoft.AspNetCore.Authorization;

namespace Gateway.Admin;

/// <summary>The admin area's rule: a signed-in admin; nobody while no admin password exists.</summary>
internal sealed class AdminAccessRequirement : IAuthorizationRequirement;
