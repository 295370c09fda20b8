using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace Gateway.Jobs;

/// <summary>The Hangfire storage <c>Jobs:Storage</c> names.</summary>
internal static class JobStorageFactory
{
    public static JobStorage Create(JobsOptions options) => options.Storage switch
    {
        "SQLite" => Sqlite(options),
        "PostgreSql" => PostgreSql(options),
        _ => new InMemoryStorage(),
    };

    private static SQLiteStorage Sqlite(JobsOptions options)
    {
        var path = Path.GetFullPath(options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SQLiteStorage(path);
    }

    private static PostgreSqlStorage PostgreSql(JobsOptions options)
    {
        var storage = new PostgreSqlStorageOptions
        {
            SchemaName = options.PostgreSqlSchema,
            PrepareSchemaIfNecessary = true,

            // A job whose gateway died becomes visible again after this; the live gateway keeps renewing it.
            InvisibilityTimeout = options.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,

            // Idle workers wait on LISTEN/NOTIFY (PostgreSQL 11 or later) and a job starts the moment it is enqueued, on
            // whichever gateway is free; they still ask every second (default 15 s) in case a notification is lost.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),

            // The gateway holds its own locks for milliseconds; a lock left by a killed gateway expires after this.
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgreSqlConnection!, storage), storage);
    }
}
