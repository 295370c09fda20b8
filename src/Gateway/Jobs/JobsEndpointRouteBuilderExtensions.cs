using Gateway.Albums;
using Gateway.Jobs;
using Hangfire;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the jobs API and the Hangfire dashboard.</summary>
internal static class JobsEndpointRouteBuilderExtensions
{
    /// <summary>The admin policy the UI registers (<c>AddGatewayUi</c>); the dashboard and every change through these APIs require it.</summary>
    public const string AdminPolicy = "GatewayAdmin";

    /// <summary>
    /// Maps <c>GET /_gateway/jobs</c> (list with progress), <c>GET /_gateway/jobs/{id}</c>, <c>POST /_gateway/jobs</c>
    /// (start: <c>{"type":"incremental-scan","album":"ebc"}</c>), <c>POST /_gateway/jobs/{id}/_cancel</c>, and the
    /// albums API (<c>GET/POST /_gateway/albums</c>, <c>POST /_gateway/albums/{name}/_rename</c>,
    /// <c>DELETE /_gateway/albums/{name}</c>), schedules API (<c>GET /_gateway/schedules</c>,
    /// <c>PUT/DELETE /_gateway/schedules/{id}</c>), and the Hangfire dashboard at <c>/jobs</c>, all changes and the dashboard behind the admin policy.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayJobs(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/_gateway/jobs");
        group.MapGet("", JobsEndpoints.List);
        group.MapGet("/{id}", JobsEndpoints.Get);
        var start = group.MapPost("", JobsEndpoints.Start).DisableAntiforgery();
        var cancel = group.MapPost("/{id}/_cancel", JobsEndpoints.Cancel).DisableAntiforgery();
        var albums = endpoints.MapGroup("/_gateway/albums");
        albums.MapGet("", AlbumsEndpoints.List);
        var schedules = endpoints.MapGroup("/_gateway/schedules");
        schedules.MapGet("", SchedulesEndpoints.List);
        var changes = new[]
        {
            start, cancel,
            albums.MapPost("", AlbumsEndpoints.Add).DisableAntiforgery(),
            albums.MapPost("/{name}/_rename", AlbumsEndpoints.Rename).DisableAntiforgery(),
            albums.MapDelete("/{name}", AlbumsEndpoints.Remove).DisableAntiforgery(),
            schedules.MapPut("/{id}", SchedulesEndpoints.Put).DisableAntiforgery(),
            schedules.MapDelete("/{id}", SchedulesEndpoints.Delete).DisableAntiforgery(),
        };

        var dashboard = new DashboardOptions
        {
            DashboardTitle = "Gateway jobs",
            AppPath = "/admin",
            Authorization = [new PolicyAuthorizedDashboardFilter()],
        };
        endpoints.MapHangfireDashboard("/jobs", dashboard).RequireAuthorization(AdminPolicy);
        foreach (var change in changes)
        {
            change.RequireAuthorization(AdminPolicy);
        }

        return endpoints;
    }
}
