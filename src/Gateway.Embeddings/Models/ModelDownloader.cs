using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Gateway.Embeddings.Models;

/// <summary>
/// Downloads one file to <c>&lt;destination&gt;.part</c>, resuming with an HTTP Range request after an interruption
/// (in the same call, up to <see cref="MaxAttempts"/> times, or in a later call), checks size and SHA-256, and only
/// then renames it to the destination, so a file at the destination is always complete. A file that fails the
/// check is moved to <c>&lt;destination&gt;.rejected</c> and never used.
/// </summary>
public sealed class ModelDownloader(HttpClient http, TimeProvider? time = null)
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Transfer attempts per call before giving up (default 5).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Pause before the second attempt; doubled for each further one (default 1 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/> and verifies it.</summary>
    /// <param name="url">Where to fetch it.</param>
    /// <param name="destination">Final path; its folder is created.</param>
    /// <param name="displayName">Name used in progress and messages.</param>
    /// <param name="expectedSize">Exact size if known.</param>
    /// <param name="expectedSha256">Hex SHA-256 if known; null accepts any content (the caller records the hash).</param>
    /// <param name="progress">Receives progress reports, at most four a second plus a final one.</param>
    /// <param name="cancellationToken">Stops the transfer; the <c>.part</c> file stays for a later resume.</param>
    public async Task<DownloadResult> DownloadAsync(
        Uri url,
        string destination,
        string displayName,
        long? expectedSize,
        string? expectedSha256,
        IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var part = destination + ".part";
        var resumed = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                resumed |= await TransferAsync(url, part, displayName, progress, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                // An unknown host will not resolve a second later: say so at once.
                if (attempt >= MaxAttempts || ex is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
                {
                    throw new ModelDownloadException(
                        $"{displayName}: download from {url} failed after {attempt} attempts: {ex.Message}. "
                        + $"What arrived is kept in {part}; running the command again resumes from there.", ex);
                }
                await Task.Delay(RetryDelay * (1 << (attempt - 1)), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        var (sha, size) = await HashAsync(part, cancellationToken).ConfigureAwait(false);
        if (expectedSize is { } wantedSize && size != wantedSize)
        {
            throw Reject(part, destination, displayName, url, $"it is {size} bytes, the manifest says {wantedSize}");
        }
        if (expectedSha256 is { } wanted && !string.Equals(wanted, sha, StringComparison.OrdinalIgnoreCase))
        {
            throw Reject(part, destination, displayName, url, $"its SHA-256 is {sha}, expected {wanted.ToLowerInvariant()}");
        }
        File.Move(part, destination, overwrite: true);
        return new DownloadResult(sha, size, resumed);
    }

    /// <summary>SHA-256 (lower-case hex) and size of a file.</summary>
    public static async Task<(string Sha256, long Size)> HashAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return (Convert.ToHexStringLower(hash), stream.Length);
        }
    }

    /// <summary>Fetches the rest of the file into <paramref name="part"/>; true when it resumed an earlier part.</summary>
    private async Task<bool> TransferAsync(Uri url, string part, string name, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var existing = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
        {
            request.Headers.Range = new RangeHeaderValue(existing, null);
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
        {
            if (response.Content.Headers.ContentRange?.Length == existing)
            {
                return true; // the part already holds the whole file
            }
            File.Delete(part);
            throw new IOException($"the server refused to resume at byte {existing}; starting again");
        }
        if (!response.IsSuccessStatusCode)
        {
            var message = $"{name}: {url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            throw (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests
                ? new HttpRequestException(message, null, response.StatusCode)
                : new ModelDownloadException(message);
        }
        var partial = response.StatusCode == HttpStatusCode.PartialContent;
        if (partial && response.Content.Headers.ContentRange?.From != existing)
        {
            File.Delete(part);
            throw new IOException($"the server resumed at {response.Content.Headers.ContentRange?.From} instead of {existing}; starting again");
        }
        var done = partial ? existing : 0;
        long? total = partial ? response.Content.Headers.ContentRange?.Length : response.Content.Headers.ContentLength;
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var file = new FileStream(part, partial ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (source.ConfigureAwait(false))
        await using (file.ConfigureAwait(false))
        {
            var meter = new RateMeter(_time, done);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                done += read;
                if (progress is not null && meter.Due(ReportEvery))
                {
                    progress.Report(meter.Report(name, done, total, completed: false));
                }
            }
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (total is { } expected && done < expected)
            {
                throw new IOException($"the connection closed after {done} of {expected} bytes");
            }
            progress?.Report(meter.Report(name, done, total, completed: true));
        }
        return partial;
    }

    private static ModelDownloadException Reject(string part, string destination, string name, Uri url, string reason)
    {
        var rejected = destination + ".rejected";
        File.Move(part, rejected, overwrite: true);
        return new ModelDownloadException(
            $"{name}: the download from {url} is not the expected file: {reason}. It was moved to {rejected} and will not be used; "
            + "delete it and download again, or fetch the file by hand and compare its SHA-256.");
    }
}
