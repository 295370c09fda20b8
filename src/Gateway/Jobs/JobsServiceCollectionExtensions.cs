using Gateway.Jobs;
using Hangfire;
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
        services.TryAddTransient<GatewayJobs>();
        services.AddHangfire((sp, config) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.Storage == "SQLite")
            {
                var path = Path.GetFullPath(options.SqlitePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                config.UseSQLiteStorage(path);
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer((sp, server) => server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecurringJobsRegistrar>());
        return services;
    }
}
