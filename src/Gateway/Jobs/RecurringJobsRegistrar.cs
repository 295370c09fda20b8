using Gateway.Albums;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>Registers the schedules of <c>Jobs:Recurring</c> with Hangfire at start-up (and removes none: ids are stable).</summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager manager, IOptions<JobsOptions> options, AlbumRegistry registry, ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var albums = registry.All().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        foreach (var schedule in options.Value.Recurring)
        {
            var album = schedule.Album;
            switch (schedule.Job)
            {
                case JobKinds.CatalogRebuild:
                    manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.RebuildCatalogAsync(false, JobCancellationToken.Null, null), schedule.Cron, utc);
                    break;
                case JobKinds.IncrementalScan when album is not null && albums.Contains(album):
                    manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.ScanAlbumAsync(album, JobCancellationToken.Null, null), schedule.Cron, utc);
                    break;
                case JobKinds.FullReindex:
                    manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.FullReindexAsync(JobCancellationToken.Null, null), schedule.Cron, utc);
                    break;
                case JobKinds.ReindexAfterModelChange:
                    manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.ReindexAfterModelChangeAsync(JobCancellationToken.Null, null), schedule.Cron, utc);
                    break;
                default:
                    throw new OptionsValidationException(JobsOptions.SectionName, typeof(JobsOptions),
                        [$"Jobs:Recurring '{schedule.Id}': job '{schedule.Job}' is unknown or needs a configured album (albums: {string.Join(", ", albums)})"]);
            }

            JobsLog.Scheduled(logger, schedule.Id, schedule.Job, album, schedule.Cron);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
