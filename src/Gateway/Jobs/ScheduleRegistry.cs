using System.Text.Json;
using Gateway.Albums;
using Gateway.Hosting;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>
/// The recurring schedules: those of <c>Jobs:Recurring</c> (read-only here) and those created in the admin or the API
/// (kept in <c>schedules.json</c> in the data folder). Every change is applied to Hangfire at once, and
/// <see cref="Apply"/> at start-up removes any recurring job Hangfire still holds that no longer exists here, so a
/// schedule removed anywhere (configuration, admin, API) stops firing, with SQLite storage too.
/// </summary>
public sealed class ScheduleRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly RecurringJobOptions Utc = new() { TimeZone = TimeZoneInfo.Utc };

    private readonly IReadOnlyList<Schedule> _configured;
    private readonly string _path;
    private readonly IRecurringJobManager _manager;
    private readonly JobStorage _storage;
    private readonly AlbumRegistry _albums;
    private readonly Lock _lock = new();
    private List<Schedule> _stored;

    /// <summary>Loads both lists.</summary>
    public ScheduleRegistry(IOptions<JobsOptions> options, GatewayFolders folders, IRecurringJobManager manager, JobStorage storage, AlbumRegistry albums)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(folders);
        _configured = options.Value.Recurring.Select(r => new Schedule(r.Id, r.Job, r.Album, r.Cron, Editable: false)).ToList();
        _path = folders.Data("schedules.json");
        _manager = manager;
        _storage = storage;
        _albums = albums;
        _stored = Load(_path);
    }

    /// <summary>Every schedule, configured ones first.</summary>
    public IReadOnlyList<Schedule> All()
    {
        lock (_lock)
        {
            return _configured.Concat(_stored.Where(s => _configured.All(c => c.Id != s.Id))).ToList();
        }
    }

    /// <summary>Creates or replaces the schedule <paramref name="id"/>; the error (400) when refused.</summary>
    public string? Save(string? id, string? job, string? album, string? cron)
    {
        lock (_lock)
        {
            if (ScheduleRules.Check(id, job, album, cron?.Trim(), _albums.All().Select(a => a.Name).ToList()) is { } error)
            {
                return error;
            }

            if (_configured.Any(c => c.Id == id))
            {
                return $"schedule [{id}] is set in configuration (Jobs:Recurring); change it there";
            }

            var schedule = new Schedule(id!, job!, job == JobKinds.IncrementalScan ? album : null, cron!.Trim(), Editable: true);
            Store([.. _stored.Where(s => s.Id != id), schedule]);
            Register(schedule);
            return null;
        }
    }

    /// <summary>Deletes an added schedule (it stops firing at once); the error when refused.</summary>
    public string? Delete(string id)
    {
        lock (_lock)
        {
            if (_configured.Any(c => c.Id == id))
            {
                return $"schedule [{id}] is set in configuration (Jobs:Recurring); remove it there";
            }

            if (_stored.All(s => s.Id != id))
            {
                return $"schedule [{id}] does not exist";
            }

            Store(_stored.Where(s => s.Id != id).ToList());
            _manager.RemoveIfExists(id);
            return null;
        }
    }

    /// <summary>Registers every schedule with Hangfire and removes the recurring jobs that no longer exist; returns the
    /// schedules it skipped (a scan of an album that is gone).</summary>
    public IReadOnlyList<Schedule> Apply()
    {
        var all = All();
        var albums = _albums.All().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var skipped = new List<Schedule>();
        foreach (var schedule in all)
        {
            if (!JobKinds.All.Contains(schedule.Job) || !ScheduleRules.IsValidCron(schedule.Cron))
            {
                // Broken configuration: fail start-up rather than run the wrong job or never run.
                throw new OptionsValidationException(JobsOptions.SectionName, typeof(JobsOptions),
                    [$"schedule '{schedule.Id}': job '{schedule.Job}' must be one of {string.Join(", ", JobKinds.All)} and cron '{schedule.Cron}' a five-field expression"]);
            }

            if (schedule.Job == JobKinds.IncrementalScan && (schedule.Album is null || !albums.Contains(schedule.Album)))
            {
                skipped.Add(schedule);
                continue;
            }

            Register(schedule);
        }

        using var connection = _storage.GetConnection();
        var wanted = all.Except(skipped).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in connection.GetRecurringJobs().Where(r => !wanted.Contains(r.Id)))
        {
            _manager.RemoveIfExists(stale.Id);
        }

        return skipped;
    }

    private void Register(Schedule schedule)
    {
        var album = schedule.Album;
        switch (schedule.Job)
        {
            case JobKinds.CatalogRebuild:
                _manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.RebuildCatalogAsync(false, JobCancellationToken.Null, null), schedule.Cron, Utc);
                break;
            case JobKinds.IncrementalScan:
                _manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.ScanAlbumAsync(album!, JobCancellationToken.Null, null), schedule.Cron, Utc);
                break;
            case JobKinds.FullReindex:
                _manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.FullReindexAsync(JobCancellationToken.Null, null), schedule.Cron, Utc);
                break;
            case JobKinds.ReferenceCandidates:
                _manager.AddOrUpdate<ReferenceCandidatesJob>(schedule.Id, j => j.ProposeAsync(JobCancellationToken.Null, null), schedule.Cron, Utc);
                break;
            default:
                _manager.AddOrUpdate<GatewayJobs>(schedule.Id, j => j.ReindexAfterModelChangeAsync(JobCancellationToken.Null, null), schedule.Cron, Utc);
                break;
        }
    }

    private void Store(List<Schedule> schedules)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path + ".partial", JsonSerializer.Serialize(schedules, Json));
        File.Move(_path + ".partial", _path, overwrite: true);
        _stored = schedules;
    }

    private static List<Schedule> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<List<Schedule>>(File.ReadAllText(path), Json) ?? []).Select(s => s with { Editable = true }).ToList();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the schedule list {path} is not valid JSON ({e.Message}); fix or remove it", e);
        }
    }
}
