using System.ComponentModel.DataAnnotations;

namespace Gateway.Jobs;

/// <summary>One recurring schedule (an entry of <c>Jobs:Recurring</c>).</summary>
internal sealed class RecurringScheduleOptions
{
    /// <summary>Stable id shown in the dashboard, e.g. <c>nightly-scan-ebc</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    public string Id { get; set; } = "";

    /// <summary>One of <see cref="JobKinds.All"/>.</summary>
    [Required]
    public string Job { get; set; } = "";

    /// <summary>The album, for <see cref="JobKinds.IncrementalScan"/>.</summary>
    public string? Album { get; set; }

    /// <summary>Cron expression (five fields, UTC), e.g. <c>0 3 * * *</c>.</summary>
    [Required]
    public string Cron { get; set; } = "";
}
