using System.ComponentModel.DataAnnotations;

namespace Gateway.Jobs;

/// <summary>Background jobs (section <c>Jobs</c>).</summary>
internal sealed class JobsOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Jobs";

    /// <summary><c>InMemory</c> (default: jobs are lost on restart), <c>SQLite</c> (survives restarts, one gateway) or
    /// <c>PostgreSql</c> (shared: every gateway pointed at the same database sees, runs and controls every job).</summary>
    [RegularExpression("^(InMemory|SQLite|PostgreSql)$")]
    public string Storage { get; set; } = "InMemory";

    /// <summary>The SQLite database file when <see cref="Storage"/> is <c>SQLite</c>; relative to the data folder. Default <c>hangfire.db</c>.</summary>
    [Required]
    public string SqlitePath { get; set; } = "hangfire.db";

    /// <summary>The Npgsql connection string when <see cref="Storage"/> is <c>PostgreSql</c>, e.g.
    /// <c>Host=db;Database=gateway;Username=gateway;Password=...</c>. Set it in the environment
    /// (<c>Jobs__PostgreSqlConnection</c>) or a secrets store, never in a file in the repository.</summary>
    public string? PostgreSqlConnection { get; set; }

    /// <summary>The PostgreSQL schema Hangfire's tables live in (created on first start). Default <c>hangfire</c>.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]*$")]
    public string PostgreSqlSchema { get; set; } = "hangfire";

    /// <summary>Whether this gateway runs jobs (default true). <c>false</c> makes a query-only gateway: it still enqueues,
    /// lists and cancels jobs in the shared storage, and another gateway's workers run them.</summary>
    public bool Worker { get; set; } = true;

    /// <summary>Worker threads that index chunks of an album scan. Each chunk keeps the embedding service busy, so few are needed.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Files per chunk: an album scan or a full reindex is one coordinating job plus chunk jobs of this many
    /// files, which any gateway's workers take. Default 200.</summary>
    [Range(1, 100000)]
    public int ChunkSize { get; set; } = 200;

    /// <summary>
    /// With <c>PostgreSql</c> storage: how long a job taken by a gateway that then died (killed, power lost) stays
    /// invisible before another gateway takes it again. The running gateway renews it while it works (sliding), so
    /// long chunks are not taken twice; shorter means faster recovery. A gateway that shuts down cleanly gives its
    /// jobs back at once. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Recurring schedules.</summary>
    public List<RecurringScheduleOptions> Recurring { get; set; } = [];

    /// <summary>Start a catalog rebuild job by itself once the model is ready, when the catalog index is missing or older
    /// than the catalog file or the model (default true).</summary>
    public bool BuildCatalogWhenReady { get; set; } = true;

    /// <summary>How many finished jobs <c>GET /_gateway/jobs</c> keeps.</summary>
    [Range(1, 10000)]
    public int History { get; set; } = 50;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage == "PostgreSql" && string.IsNullOrWhiteSpace(PostgreSqlConnection))
        {
            yield return new ValidationResult(
                "Jobs:Storage is PostgreSql but Jobs:PostgreSqlConnection is empty; set it (e.g. the environment variable Jobs__PostgreSqlConnection)",
                [nameof(PostgreSqlConnection)]);
        }
    }
}
