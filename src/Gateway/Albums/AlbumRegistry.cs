using Gateway.Hosting;
using Gateway.Photos.Ingestion;
using Microsoft.Extensions.Options;

namespace Gateway.Albums;

/// <summary>
/// Every album the gateway indexes: those of <c>Photos:Albums</c> in configuration (read-only here) followed by those
/// added through the admin or the API (kept in <c>albums.json</c> in the data folder, so they survive restarts).
/// </summary>
internal sealed class AlbumRegistry
{
    private readonly IReadOnlyList<Album> _configured;
    private readonly AlbumListFile _file;
    private readonly string _dataFolder;
    private readonly Lock _lock = new();
    private List<AlbumListFile.StoredAlbum> _stored;

    /// <summary>Loads the configured and the stored albums.</summary>
    public AlbumRegistry(IOptions<PhotosOptions> photos, GatewayFolders folders)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(folders);

        // Configured roots resolve against the current directory, as ingestion has always resolved them.
        _configured = photos.Value.Albums.Select(a => new Album(a.Name, Path.GetFullPath(a.Root), Editable: false)).ToList();
        _dataFolder = folders.DataFolder;
        _file = new AlbumListFile(folders.Data("albums.json"));
        _stored = _file.Load();
    }

    /// <summary>The file the added albums are kept in.</summary>
    public string FilePath => _file.Path;

    /// <summary>Every album, configured ones first.</summary>
    public IReadOnlyList<Album> All()
    {
        lock (_lock)
        {
            return _configured.Concat(_stored.Where(s => !_configured.Any(c => c.Name == s.Name)).Select(s => new Album(s.Name, s.Root, Editable: true))).ToList();
        }
    }

    /// <summary>The album named <paramref name="name"/>, or null.</summary>
    public Album? Find(string? name) => All().FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>The album as ingestion takes it.</summary>
    public static AlbumOptions ToOptions(Album album)
    {
        ArgumentNullException.ThrowIfNull(album);
        return new AlbumOptions { Name = album.Name, Root = album.Root };
    }

    /// <summary>Adds an album after <see cref="AlbumRules.Check"/>; the error when refused.</summary>
    public AlbumError? Add(string? name, string? folder)
    {
        lock (_lock)
        {
            if (AlbumRules.Check(name, folder, All(), _dataFolder) is { } error)
            {
                return error;
            }

            Save([.. _stored, new AlbumListFile.StoredAlbum(name!, Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder!)))]);
            return null;
        }
    }

    /// <summary>Renames an added album (its folder stays); the error when refused.</summary>
    public AlbumError? Rename(string name, string? newName)
    {
        lock (_lock)
        {
            if (Editable(name) is { } refused)
            {
                return refused;
            }

            var entry = _stored.First(s => s.Name == name);
            var others = All().Where(a => a.Name != name).ToList();
            if (AlbumRules.Check(newName, entry.Root, others, _dataFolder) is { } error)
            {
                return error;
            }

            Save(_stored.Select(s => s.Name == name ? s with { Name = newName! } : s).ToList());
            return null;
        }
    }

    /// <summary>Removes an added album from the list; the error when refused.</summary>
    public AlbumError? Remove(string name)
    {
        lock (_lock)
        {
            if (Editable(name) is { } refused)
            {
                return refused;
            }

            Save(_stored.Where(s => s.Name != name).ToList());
            return null;
        }
    }

    /// <summary>Null when <paramref name="name"/> is an album added here, else why it cannot be changed.</summary>
    public AlbumError? Editable(string name) => Find(name) switch
    {
        null => AlbumError.NotFound(name),
        { Editable: false } => AlbumError.BadRequest($"album [{name}] is set in configuration (Photos:Albums); change it there"),
        _ => null,
    };

    private void Save(List<AlbumListFile.StoredAlbum> albums)
    {
        _file.Save(albums);
        _stored = albums;
    }
}
