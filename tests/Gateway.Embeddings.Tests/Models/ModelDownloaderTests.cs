using System.Security.Cryptography;
using Gateway.Embeddings.Models;

namespace Gateway.Embeddings.Tests.Models;

public sealed class ModelDownloaderTests : IDisposable
{
    private readonly LoopbackFileServer _server = new();
    private readonly TempDirectory _temp = new();
    private readonly HttpClient _http = new();
    private readonly byte[] _body = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

    public ModelDownloaderTests() => _server.Files["onnx/vision_model.onnx"] = _body;

    private string Sha => Convert.ToHexStringLower(SHA256.HashData(_body));

    private Uri Url => new(_server.BaseUri, "onnx/vision_model.onnx");

    private ModelDownloader Downloader(int attempts = 3) => new(_http) { MaxAttempts = attempts, RetryDelay = TimeSpan.Zero };

    [Fact]
    public async Task Download_ResumesWithARangeRequestAfterTheServerDropsTheConnection()
    {
        _server.Drops = 1;
        _server.DropAfterBytes = 1024 * 1024;
        var destination = _temp.Combine("vision_model.onnx");
        var reports = new List<DownloadProgress>();

        var result = await Downloader().DownloadAsync(Url, destination, "onnx/vision_model.onnx", _body.Length, Sha, new SyncProgress(reports.Add));

        Assert.True(result.Resumed);
        Assert.Equal(_body, await File.ReadAllBytesAsync(destination));
        var requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(string.Empty, requests[0].Range);
        Assert.Matches("^bytes=[1-9][0-9]*-$", requests[1].Range);
        Assert.True(reports[^1].Completed);
        Assert.Equal(_body.Length, reports[^1].BytesDone);
        Assert.False(File.Exists(destination + ".part"));
    }

    [Fact]
    public async Task Download_ResumesAPartLeftByAnEarlierRun()
    {
        var destination = _temp.Combine("vision_model.onnx");
        await File.WriteAllBytesAsync(destination + ".part", _body.AsMemory(0, 1000).ToArray());

        var result = await Downloader().DownloadAsync(Url, destination, "v", null, Sha);

        Assert.True(result.Resumed);
        Assert.Equal("bytes=1000-", Assert.Single(_server.Requests).Range);
        Assert.Equal(_body, await File.ReadAllBytesAsync(destination));
    }

    [Fact]
    public async Task Download_RejectsAChecksumMismatchAndNeverPublishesTheFile()
    {
        var destination = _temp.Combine("vision_model.onnx");
        var wrong = new string('0', 64);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => Downloader().DownloadAsync(Url, destination, "onnx/vision_model.onnx", null, wrong));

        Assert.Contains($"its SHA-256 is {Sha}, expected {wrong}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
        Assert.False(File.Exists(destination + ".part"));
        Assert.Equal(_body.Length, new FileInfo(destination + ".rejected").Length);
    }

    [Fact]
    public async Task Download_RejectsAWrongSize()
    {
        var destination = _temp.Combine("vision_model.onnx");

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => Downloader().DownloadAsync(Url, destination, "v", 12345, null));

        Assert.Contains("the manifest says 12345", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public async Task Download_KeepsOnlyThePartWhenEveryAttemptIsCutOff()
    {
        _server.Drops = 100;
        var destination = _temp.Combine("vision_model.onnx");

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => Downloader(attempts: 2).DownloadAsync(Url, destination, "v", null, Sha));

        Assert.Contains("failed after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
        var part = new FileInfo(destination + ".part");
        Assert.True(part.Exists && part.Length > 0 && part.Length < _body.Length, $"part is {part.Length} bytes");
    }

    [Fact]
    public async Task Download_ReportsA404WithoutRetrying()
    {
        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            Downloader().DownloadAsync(new Uri(_server.BaseUri, "nope.onnx"), _temp.Combine("nope.onnx"), "nope.onnx", null, null));

        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        _temp.Dispose();
    }
}
