using Gateway.Peaks.Catalog;
using Gateway.Peaks.Yaml;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Peaks;

/// <summary>
/// The loaded peak catalog (from <see cref="PeaksOptions.CatalogPath"/>).
/// Loaded on first use; <see cref="Reload"/> re-reads the file (the catalog rebuild job does so).
/// </summary>
public sealed class PeakCatalog
{
    private readonly string _path;
    private readonly Lock _lock = new();
    private IReadOnlyList<Peak>? _loaded;

    /// <summary>Reads the catalog at <paramref name="path"/>.</summary>
    public PeakCatalog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

    /// <summary>DI constructor: the configured path, relative to the content root.</summary>
    public PeakCatalog(IOptions<PeaksOptions> options, IHostEnvironment environment)
        : this(Path.Combine(environment.ContentRootPath, options.Value.CatalogPath))
    {
    }

    /// <summary>The absolute path of the catalog file.</summary>
    public string FilePath => _path;

    /// <summary>The folder of the catalog file (reference photo folders resolve against it).</summary>
    public string Directory => Path.GetDirectoryName(_path)!;

    /// <summary>The peaks of the file. Throws <see cref="PeakCatalogException"/> when it is missing or invalid.</summary>
    public IReadOnlyList<Peak> Peaks
    {
        get
        {
            lock (_lock)
            {
                if (_loaded is { } loaded)
                {
                    return loaded;
                }
            }

            return Reload();
        }
    }

    /// <summary>The peak with that id, or null.</summary>
    public Peak? Find(string id) => Peaks.FirstOrDefault(p => p.Id == id);

    /// <summary>Re-reads the file; the previous catalog stays in use if the new one is invalid (the exception says why).</summary>
    public IReadOnlyList<Peak> Reload()
    {
        var peaks = PeakCatalogYaml.LoadFile(_path);
        lock (_lock)
        {
            _loaded = peaks;
        }

        return peaks;
    }
}
