using Gateway.Embeddings.Models;

namespace Gateway.Embeddings.Tests.Models;

public sealed class ModelStoreTests : IDisposable
{
    private readonly ServedTestModel _served = new();
    private readonly TempDirectory _root = new();
    private readonly HttpClient _http = new();

    private ModelStore Store(ModelManifest? manifest = null) =>
        new(manifest ?? _served.Manifest, _root.Path, new ModelDownloader(_http) { MaxAttempts = 2, RetryDelay = TimeSpan.Zero });

    [Fact]
    public async Task DownloadAsync_FetchesMissingFilesAndRecordsTheirHashes()
    {
        var store = Store();
        var directory = store.DirectoryOf(ServedTestModel.Id);

        await store.DownloadAsync(_served.Entry, directory, _served.Entry.FilesFor("fp32"), null, CancellationToken.None);

        Assert.Equal(_root.Combine("test", "siglip2-tiny"), directory);
        Assert.Empty(ModelStore.Missing(directory, _served.Entry.Files));
        Assert.Equal(_served.Bytes("onnx/text_model.onnx"), await File.ReadAllBytesAsync(Path.Combine(directory, "onnx", "text_model.onnx")));
        var checks = await store.VerifyAsync(_served.Entry, directory, _served.Entry.FilesFor("fp32"), CancellationToken.None);
        Assert.Equal(5, checks.Count);
        Assert.All(checks, c => Assert.Equal(ModelFileState.Ok, c.State));
    }

    [Fact]
    public async Task DownloadAsync_SkipsFilesAlreadyThere()
    {
        var store = Store();
        var directory = store.DirectoryOf(ServedTestModel.Id);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "config.json"), "{}");

        await store.DownloadAsync(_served.Entry, directory, _served.Entry.Files, null, CancellationToken.None);

        Assert.Equal(4, _served.Server.Requests.Count);
        Assert.DoesNotContain(_served.Server.Requests, r => r.Path.EndsWith("config.json", StringComparison.Ordinal) && !r.Path.EndsWith("preprocessor_config.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_FindsACorruptedFileAndAMissingOne()
    {
        var store = Store();
        var directory = store.DirectoryOf(ServedTestModel.Id);
        await store.DownloadAsync(_served.Entry, directory, _served.Entry.Files, null, CancellationToken.None);
        await File.AppendAllTextAsync(Path.Combine(directory, "tokenizer.model"), "x");
        File.Delete(Path.Combine(directory, "config.json"));

        var checks = await store.VerifyAsync(_served.Entry, directory, _served.Entry.Files, CancellationToken.None);

        Assert.Equal(ModelFileState.Mismatch, checks.Single(c => c.Path == "tokenizer.model").State);
        Assert.Equal(ModelFileState.Missing, checks.Single(c => c.Path == "config.json").State);
        Assert.Equal(ModelFileState.Ok, checks.Single(c => c.Path == "onnx/vision_model.onnx").State);
    }

    [Fact]
    public async Task VerifyAsync_RecordsTheHashOfAFilePlacedByHand()
    {
        var store = Store();
        var directory = store.DirectoryOf(ServedTestModel.Id);
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "config.json"), _served.Bytes("config.json"));

        var first = await store.VerifyAsync(_served.Entry, directory, [], CancellationToken.None);
        var second = await store.VerifyAsync(_served.Entry, directory, [], CancellationToken.None);

        Assert.Equal(ModelFileState.Recorded, Assert.Single(first).State);
        Assert.Equal(ModelFileState.Ok, Assert.Single(second).State);
    }

    [Fact]
    public async Task DownloadAsync_OfflineSaysWhichUrlsToFetchAndWhereToPutThem()
    {
        var offline = _served.Manifest with { UrlPattern = $"http://127.0.0.1:{LoopbackFileServer.FreePort()}/{{repo}}/resolve/{{revision}}/{{path}}" };
        var store = Store(offline);
        var directory = store.DirectoryOf(ServedTestModel.Id);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            store.DownloadAsync(_served.Entry, directory, _served.Entry.Files, null, CancellationToken.None));

        Assert.Contains("download each URL below to the path under it", error.Message, StringComparison.Ordinal);
        Assert.Contains(offline.UrlOf(_served.Entry, _served.Entry.Files[3]).ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("-> " + Path.Combine(directory, "onnx/vision_model.onnx"), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "config.json")));
    }

    public void Dispose()
    {
        _served.Dispose();
        _http.Dispose();
        _root.Dispose();
    }
}
