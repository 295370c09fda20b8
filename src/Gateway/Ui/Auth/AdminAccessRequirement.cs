using Microsoft.AspNetCore.Authorization;

namespace Gateway.Ui.Auth;

/// <summary>The admin area's rule: a signed-in admin; nobody while no admin password exists.</summary>
internal sealed class AdminAccessRequirement : IAuthorizationRequirement;
