namespace Gateway.Jobs;

/// <summary>At start-up, registers every schedule (configuration and data folder) with Hangfire and removes the recurring
/// jobs that no longer exist (see <see cref="ScheduleRegistry.Apply"/>).</summary>
internal sealed class RecurringJobsRegistrar(ScheduleRegistry schedules, ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var skipped = schedules.Apply();
        foreach (var schedule in schedules.All())
        {
            if (skipped.Contains(schedule))
            {
                JobsLog.ScheduleSkipped(logger, schedule.Id, schedule.Album);
            }
            else
            {
                JobsLog.Scheduled(logger, schedule.Id, schedule.Job, schedule.Album, schedule.Cron);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
