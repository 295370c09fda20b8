using System.ComponentModel.DataAnnotations;

namespace Gateway.Jobs;

/// <summary>Background jobs (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Jobs";

    /// <summary><c>InMemory</c> (default: jobs are lost on restart) or <c>SQLite</c> (survives restarts).</summary>
    [RegularExpression("^(InMemory|SQLite)$")]
    public string Storage { get; set; } = "InMemory";

    /// <summary>The SQLite database file when <see cref="Storage"/> is <c>SQLite</c>; relative to the data folder. Default <c>hangfire.db</c>.</summary>
    [Required]
    public string SqlitePath { get; set; } = "hangfire.db";

    /// <summary>Hangfire worker threads. Jobs are heavy (they keep the embedding service busy), so few are needed.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Recurring schedules.</summary>
    public List<RecurringScheduleOptions> Recurring { get; set; } = [];

    /// <summary>Start a catalog rebuild job by itself once the model is ready, when the catalog index is missing or older
    /// than the catalog file or the model (default true).</summary>
    public bool BuildCatalogWhenReady { get; set; } = true;

    /// <summary>How many finished jobs <c>GET /_gateway/jobs</c> keeps.</summary>
    [Range(1, 10000)]
    public int History { get; set; } = 50;
}
