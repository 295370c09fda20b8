using Hangfire.Dashboard;

namespace Gateway.Jobs;

/// <summary>Used when the dashboard endpoint carries the admin authorization policy: ASP.NET Core has already decided.</summary>
internal sealed class PolicyAuthorizedDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity is not null;
}
