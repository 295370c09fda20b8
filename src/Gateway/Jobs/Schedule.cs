namespace Gateway.Jobs;

/// <summary>A recurring job: from configuration (<c>Jobs:Recurring</c>, read-only here) or added in the admin or the API
/// (<see cref="Editable"/>, kept in <c>schedules.json</c> in the data folder).</summary>
/// <param name="Id">Stable id, the Hangfire recurring job id.</param>
/// <param name="Job">One of <see cref="JobKinds.All"/>.</param>
/// <param name="Album">The album, for <see cref="JobKinds.IncrementalScan"/>.</param>
/// <param name="Cron">Five-field cron expression, UTC.</param>
/// <param name="Editable">Added through the admin or the API.</param>
internal sealed record Schedule(string Id, string Job, string? Album, string Cron, bool Editable);
