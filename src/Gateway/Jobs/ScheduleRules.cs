using System.Text.RegularExpressions;
using Cronos;

namespace Gateway.Jobs;

/// <summary>What makes a schedule acceptable: an id, a known job (with an existing album for a scan) and a valid cron expression.</summary>
internal static partial class ScheduleRules
{
    /// <summary>Null when valid, else the reason (a 400).</summary>
    public static string? Check(string? id, string? job, string? album, string? cron, IReadOnlyCollection<string> albums)
    {
        if (string.IsNullOrWhiteSpace(id) || !IdPattern().IsMatch(id))
        {
            return $"schedule id [{id}] is invalid: use letters, digits, '-', '_' or '.', starting with a letter or digit";
        }

        if (job is null || !JobKinds.All.Contains(job))
        {
            return $"unknown job [{job}]; expected one of [{string.Join(", ", JobKinds.All)}]";
        }

        if (job == JobKinds.IncrementalScan && (album is null || !albums.Contains(album)))
        {
            return $"job [{job}] needs an [album], one of [{string.Join(", ", albums)}]";
        }

        return !IsValidCron(cron)
            ? $"cron expression [{cron}] is invalid: five fields (minute hour day-of-month month day-of-week), UTC, e.g. 0 3 * * *"
            : null;
    }

    /// <summary>The next run after <paramref name="utcNow"/>, or null when the expression is invalid or never fires.</summary>
    public static DateTime? NextRun(string? cron, DateTime utcNow) =>
        cron is not null && CronExpression.TryParse(cron, CronFormat.Standard, out var expression)
            ? expression.GetNextOccurrence(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc))
            : null;

    /// <summary>Whether <paramref name="cron"/> is a valid five-field expression.</summary>
    public static bool IsValidCron(string? cron) => cron is not null && CronExpression.TryParse(cron, CronFormat.Standard, out _);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();
}
