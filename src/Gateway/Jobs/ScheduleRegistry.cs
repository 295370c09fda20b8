using System.Text.Json;
using Gateway.Albums;
using Gateway.Hosting;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>
/// The recurring schedules: those of <c>Jobs:Recurring</c> (read-only here) and those created in the admin or the API,
/// kept in the Hangfire storage (a set of ids, a hash per schedule) so every gateway sharing it sees the same list, and
/// mirrored to <c>schedules.json</c> in the data folder, which seeds a storage that does not outlive the process
/// (InMemory) on the next start. Every change is applied to Hangfire at once, and <see cref="Apply"/> at start-up
/// removes any recurring job Hangfire still holds that no longer exists here, so a schedule removed anywhere
/// (configuration, admin, API) stops firing. Hangfire fires a recurring job once for all the gateways sharing a storage.
/// </summary>
internal sealed class ScheduleRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly RecurringJobOptions Utc = new() { TimeZone = TimeZoneInfo.Utc };

    private readonly IReadOnlyList<Schedule> _configured;
    private readonly string _path;
    private readonly IRecurringJobManager _manager;
    private readonly JobStorage _storage;
    private readonly AlbumRegistry _albums;
    private const string IdsSet = "gateway:schedules";

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
        Import();
    }

    /// <summary>Every schedule, configured ones first.</summary>
    public IReadOnlyList<Schedule> All()
    {
        var stored = Stored();
        return _configured.Concat(stored.Where(s => _configured.All(c => c.Id != s.Id))).ToList();
    }

    /// <summary>Creates or replaces the schedule <paramref name="id"/>; the error (400) when refused.</summary>
    public string? Save(string? id, string? job, string? album, string? cron)
    {
        using var connection = _storage.GetConnection();
        using (connection.AcquireDistributedLock(IdsSet, TimeSpan.FromSeconds(30)))
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
            Store(connection, schedule, remove: false);
            Register(schedule);
            return null;
        }
    }

    /// <summary>Deletes an added schedule (it stops firing at once); the error when refused.</summary>
    public string? Delete(string id)
    {
        using var connection = _storage.GetConnection();
        using (connection.AcquireDistributedLock(IdsSet, TimeSpan.FromSeconds(30)))
        {
            if (_configured.Any(c => c.Id == id))
            {
                return $"schedule [{id}] is set in configuration (Jobs:Recurring); remove it there";
            }

            if (Stored().FirstOrDefault(s => s.Id == id) is not { } existing)
            {
                return $"schedule [{id}] does not exist";
            }

            Store(connection, existing, remove: true);
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

    private List<Schedule> Stored()
    {
        using var connection = _storage.GetConnection();
        return connection.GetAllItemsFromSet(IdsSet).Order(StringComparer.Ordinal)
            .Select(id => connection.GetAllEntriesFromHash(Key(id)) is { } entries && entries.TryGetValue("json", out var json) ? JsonSerializer.Deserialize<Schedule>(json, Json) : null)
            .OfType<Schedule>()
            .Select(s => s with { Editable = true })
            .ToList();
    }

    private void Store(IStorageConnection connection, Schedule schedule, bool remove)
    {
        using (var transaction = connection.CreateWriteTransaction())
        {
            if (remove)
            {
                transaction.RemoveFromSet(IdsSet, schedule.Id);
                transaction.RemoveHash(Key(schedule.Id));
            }
            else
            {
                transaction.AddToSet(IdsSet, schedule.Id);
                transaction.SetRangeInHash(Key(schedule.Id), [new("json", JsonSerializer.Serialize(schedule, Json))]);
            }

            transaction.Commit();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path + ".partial", JsonSerializer.Serialize(Stored(), Json));
        File.Move(_path + ".partial", _path, overwrite: true);
    }

    // Once per storage: the schedules of the data folder's file (from before schedules lived in the storage, or from
    // the last run on an InMemory storage) go into the storage; from then on the storage is the list.
    private void Import()
    {
        using var connection = _storage.GetConnection();
        using (connection.AcquireDistributedLock(IdsSet, TimeSpan.FromSeconds(30)))
        {
            if (connection.GetAllEntriesFromHash("gateway:imports")?.ContainsKey("schedules") == true)
            {
                return;
            }

            using var transaction = connection.CreateWriteTransaction();
            foreach (var schedule in Load(_path))
            {
                transaction.AddToSet(IdsSet, schedule.Id);
                transaction.SetRangeInHash(Key(schedule.Id), [new("json", JsonSerializer.Serialize(schedule, Json))]);
            }

            transaction.SetRangeInHash("gateway:imports", [new("schedules", "1")]);
            transaction.Commit();
        }
    }

    private static string Key(string id) => "gateway:schedule:" + id;

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
