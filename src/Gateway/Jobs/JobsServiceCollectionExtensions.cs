using Gateway.Albums;
using Gateway.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the background jobs.</summary>
internal static class JobsServiceCollectionExtensions
{
    // Coordinating jobs (album scans, full reindexes) mostly wait for their chunks, and catalog builds are rare: two
    // workers on the default queue, apart from the chunk workers, so a waiting coordinator never takes a chunk's place.
    private const int CoordinatorWorkers = 2;

    /// <summary>
    /// Adds Hangfire (storage from <c>Jobs:Storage</c>: InMemory, SQLite or PostgreSql) and, unless <c>Jobs:Worker</c>
    /// is false, its servers (coordinators on the <c>default</c> queue, <c>Jobs:WorkerCount</c> chunk workers on the
    /// chunk queue); the jobs (<see cref="GatewayJobs"/>, resolved from DI), <see cref="JobLauncher"/>,
    /// <see cref="JobProgressStore"/>, <see cref="AlbumLocks"/>, and the recurring schedules of <c>Jobs:Recurring</c>.
    /// Needs the peak catalog and photo ingestion registrations (<c>AddPeakCatalog()</c>, <c>AddPhotoIngestion()</c>).
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
        services.TryAddSingleton<ChunkedIngestion>();
        services.TryAddSingleton<ChunkFinishedSignal>();
        services.AddGatewayFolders();
        services.TryAddSingleton<AlbumRegistry>();
        services.TryAddSingleton<AlbumManager>();
        services.TryAddSingleton<ScheduleRegistry>();
        services.TryAddTransient<GatewayJobs>();
        services.TryAddSingleton<CatalogBuilder>();

        // Hangfire's defaults resolve the storage and the job activator from process-wide statics (JobStorage.Current,
        // JobActivator.Current): two hosts in one process (the functional tests) would then run each other's jobs
        // with each other's services. Registering both per host keeps every host's jobs in its own storage and
        // container; AddHangfire only adds them when they are missing.
        services.TryAddSingleton<JobStorage>(sp => JobStorageFactory.Create(sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.TryAddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        var firstServer = services.Count;
        services.AddHangfireServer((sp, server) =>
        {
            server.ServerName = WorkerIdentity.Current + ":coordinators";
            server.WorkerCount = CoordinatorWorkers;
            server.Queues = ["default"];
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddHangfireServer((sp, server) =>
        {
            server.ServerName = WorkerIdentity.Current + ":chunks";
            server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
            server.Queues = [ChunkedIngestion.ChunkQueue];
        });
        OnlyOnWorkers(services, firstServer);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecurringJobsRegistrar>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CatalogAutoBuild>());
        return services;
    }

    // AddHangfireServer always adds its hosted services; whether this gateway runs jobs (Jobs:Worker) is only known
    // once configuration is bound, so each server's factory is wrapped to start an idle service instead.
    private static void OnlyOnWorkers(IServiceCollection services, int from)
    {
        for (var i = from; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, ImplementationFactory: { } factory } descriptor && type == typeof(IHostedService))
            {
                services[i] = ServiceDescriptor.Describe(typeof(IHostedService),
                    sp => sp.GetRequiredService<IOptions<JobsOptions>>().Value.Worker ? factory(sp) : new NoJobServer(),
                    descriptor.Lifetime);
            }
        }
    }
}
