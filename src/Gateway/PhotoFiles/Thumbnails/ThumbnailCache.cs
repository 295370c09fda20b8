using System.Security.Cryptography;
using System.Text;
using Gateway.Embeddings;
using Gateway.Embeddings.Images;
using Gateway.Ui;
using Microsoft.Extensions.Options;

namespace Gateway.PhotoFiles.Thumbnails;

/// <summary>
/// JPEG thumbnails of photos (HEIC decoded, EXIF orientation applied) kept on disk under a key made of the photo id,
/// the size and the file's length and modification time, so an edited photo gets a fresh thumbnail.
/// </summary>
internal sealed class ThumbnailCache
{
    private readonly ImageThumbnailer _thumbnailer;
    private readonly string _directory;

    // Decoding a 12 MP HEIC takes a core for a while; a page of 60 thumbnails must not take them all.
    private readonly SemaphoreSlim _decoders = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>Creates the cache in <see cref="UiOptions.ThumbnailCacheDirectory"/>.</summary>
    public ThumbnailCache(IOptions<UiOptions> options, IOptions<ImageDecodeOptions> decode, IHostEnvironment environment)
    {
        var configured = options.Value.ThumbnailCacheDirectory;
        _directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetTempPath(), "gateway-thumbnails")
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        _thumbnailer = new ImageThumbnailer(decode.Value);
    }

    /// <summary>The cache folder.</summary>
    public string Directory => _directory;

    /// <summary>The path of a JPEG thumbnail of <paramref name="photo"/> at most <paramref name="edge"/> pixels on its longer side,
    /// made on first use. Throws <see cref="ImageDecodeException"/> when the photo does not decode.</summary>
    public async Task<string> GetAsync(string id, PhotoFile photo, int edge, CancellationToken cancellationToken)
    {
        var key = Key(id, photo, edge);
        var path = Path.Combine(_directory, key[..2], key + ".jpg");
        if (File.Exists(path))
        {
            return path;
        }

        await _decoders.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            var bytes = await File.ReadAllBytesAsync(photo.FullPath, cancellationToken).ConfigureAwait(false);
            var jpeg = _thumbnailer.Create(bytes, photo.Name, edge, ThumbnailFormat.Jpeg, 82);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            // Write then rename, so a concurrent reader never sees half a file.
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, jpeg, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            return path;
        }
        finally
        {
            _decoders.Release();
        }
    }

    internal static string Key(string id, PhotoFile photo, int edge)
    {
        var text = string.Join('|', id, edge, photo.Length, photo.LastWriteUtc.Ticks);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }
}
