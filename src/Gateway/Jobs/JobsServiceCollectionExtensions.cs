using Gateway.Albums;
using Gateway.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the background jobs.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds Hangfire (InMemory storage, or SQLite with <c>Jobs:Storage = SQLite</c>) and its server, the jobs
    /// (<see cref="GatewayJobs"/>, resolved from DI), <see cref="JobLauncher"/>, <see cref="JobProgressStore"/>,
    /// <see cref="AlbumLocks"/>, and the recurring schedules of <c>Jobs:Recurring</c>. Needs the peak catalog and
    /// photo ingestion registrations (<c>AddPeakCatalog()</c>, <c>AddPhotoIngestion()</c>).
    /// </summary>
    public static IServiceCollection AddGatewayJobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddPeakCatalog();
        services.AddPhotoIngestion();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobProgressStore>();
        services.TryAddSingleton<AlbumLocks>();
        services.TryAddSingleton<JobLauncher>();
        services.AddGatewayFolders();
        services.TryAddSingleton<AlbumRegistry>();
        services.TryAddSingleton<AlbumManager>();
        services.TryAddSingleton<ScheduleRegistry>();
        services.TryAddTransient<GatewayJobs>();

        // Hangfire's defaults resolve the storage and the job activator from process-wide statics (JobStorage.Current,
        // JobActivator.Current): two hosts in one process (the functional tests) would then run each other's jobs
        // with each other's services. Registering both per host keeps every host's jobs in its own storage and
        // container; AddHangfire only adds them when they are missing.
        services.TryAddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.TryAddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, server) => server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecurringJobsRegistrar>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CatalogAutoBuild>());
        return services;
    }

    private static JobStorage CreateStorage(JobsOptions options)
    {
        if (options.Storage != "SQLite")
        {
            return new InMemoryStorage();
        }

        var path = Path.GetFullPath(options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SQLiteStorage(path);
    }
}
