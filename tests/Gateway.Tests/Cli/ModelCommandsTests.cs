using Gateway.Cli;
using Gateway.Embeddings.Models;
using Gateway.Embeddings.Tests.Models;

namespace Gateway.Tests.Cli;

public sealed class ModelCommandsTests : IDisposable
{
    private readonly ServedTestModel _served = new();
    private readonly TempDirectory _root = new();
    private readonly HttpClient _http = new();
    private readonly ModelStore _store;
    private readonly ModelCommands _commands;

    public ModelCommandsTests()
    {
        _store = new ModelStore(_served.Manifest, _root.Path, new ModelDownloader(_http) { MaxAttempts = 2, RetryDelay = TimeSpan.Zero });
        _commands = new ModelCommands(_store);
    }

    [Fact]
    public async Task DownloadThenVerify_InstallsAWorkingModel()
    {
        var output = new StringWriter();

        var downloaded = await _commands.DownloadAsync(null, null, output, interactive: false, CancellationToken.None);
        var verified = await _commands.VerifyAsync(null, null, output, CancellationToken.None);
        var listed = await _commands.ListAsync(output);

        var text = output.ToString();
        Assert.Equal((0, 0, 0), (downloaded, verified, listed));
        Assert.Contains("onnx/text_model.onnx [########################] 100%", text, StringComparison.Ordinal);
        Assert.Contains("test/siglip2-tiny: OK", text, StringComparison.Ordinal);
        Assert.Matches(@"test/siglip2-tiny \*\s+64\s+32\s+1 MB\s+fp32 \(fp32\)", text);
    }

    [Fact]
    public async Task Verify_ReportsAConfigMismatchWithExpectedAndFound()
    {
        await _commands.DownloadAsync(null, null, TextWriter.Null, interactive: false, CancellationToken.None);
        var preprocessor = Path.Combine(_store.DirectoryOf(ServedTestModel.Id), "preprocessor_config.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(preprocessor))!;
        json["resample"] = 3;
        await File.WriteAllTextAsync(preprocessor, json.ToJsonString());
        // The edit changes the hash too: record the edited file as if it had been placed by hand.
        File.Delete(Path.Combine(_store.DirectoryOf(ServedTestModel.Id), ".checksums.json"));
        var output = new StringWriter();

        var exit = await _commands.VerifyAsync(null, null, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("preprocessor_config.json: resample: expected 2 (bilinear), found 3", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_UnknownModelOrVariantListsWhatExists()
    {
        var output = new StringWriter();

        var unknownModel = await _commands.DownloadAsync("nope/model", null, output, false, CancellationToken.None);
        var unknownVariant = await _commands.DownloadAsync(null, "q4", output, false, CancellationToken.None);

        Assert.Equal((2, 2), (unknownModel, unknownVariant));
        Assert.Contains("known models: test/siglip2-tiny", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("has no variant 'q4'; it has: fp32", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _served.Dispose();
        _http.Dispose();
        _root.Dispose();
    }
}
