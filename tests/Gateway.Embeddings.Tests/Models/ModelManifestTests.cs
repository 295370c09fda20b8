using Gateway.Embeddings.Models;

namespace Gateway.Embeddings.Tests.Models;

public sealed class ModelManifestTests
{
    private static readonly ModelManifest Manifest = ModelManifest.Load(RepositoryPaths.ModelManifest);

    [Fact]
    public void Manifest_DefaultIsSiglip2Base224WithEveryFileItNeeds()
    {
        var model = Manifest.Get(Manifest.Default);

        Assert.Equal("google/siglip2-base-patch16-224", model.Id);
        Assert.Equal(
            ["config.json", "preprocessor_config.json", "tokenizer.model", "onnx/vision_model.onnx", "onnx/text_model.onnx"],
            model.FilesFor("fp32").Select(f => f.Path));
        Assert.Equal(
            new Uri("https://huggingface.co/onnx-community/siglip2-base-patch16-224-ONNX/resolve/main/onnx/vision_model.onnx"),
            Manifest.UrlOf(model, model.Files.Single(f => f.Path == "onnx/vision_model.onnx")));
    }

    [Fact]
    public void Manifest_EveryModelHasBothFp32TowersAndTheSharedFiles()
    {
        Assert.True(Manifest.Models.Count >= 5);
        Assert.All(Manifest.Models, m =>
        {
            Assert.Equal(["config", "preprocessor", "text", "tokenizer", "vision"], m.FilesFor("fp32").Select(f => f.Role).Order(StringComparer.Ordinal));
            Assert.All(m.Files, f => Assert.True(f.Sha256 is null || f.Sha256.Length == 64, f.Path));
        });
        Assert.Contains(Manifest.Models, m => m.Id == "google/siglip2-so400m-patch14-384");
        Assert.Contains(Manifest.Models, m => m.Id == "google/siglip2-large-patch16-256");
    }

    [Fact]
    public void Get_UnknownIdListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => Manifest.Get("google/siglip-base-patch16-224"));

        Assert.Contains("known models: google/siglip2-base-patch16-224", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlOf_UsesAFilesPinnedRevision()
    {
        var model = Manifest.Get(Manifest.Default);
        var pinned = model.Files.Single(f => f.Path == "onnx/vision_model_int8.onnx");

        Assert.EndsWith("/resolve/ba1f3b0843f24bc5417d38e19c37b287d719b2f4/onnx/vision_model_int8.onnx", Manifest.UrlOf(model, pinned).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UrlOf_FetchesEachFileFromTheRepositoryThatHasIt()
    {
        foreach (var model in Manifest.Models)
        {
            var tokenizer = model.Files.Single(f => f.Role == "tokenizer");
            var config = model.Files.Single(f => f.Role == "config");

            // The SentencePiece model from the google/ checkpoint (at main, not the export's revision); the rest from the export.
            Assert.Equal($"https://huggingface.co/{model.Id}/resolve/main/tokenizer.model", Manifest.UrlOf(model with { Revision = "abc" }, tokenizer).ToString());
            Assert.StartsWith($"https://huggingface.co/{model.Repo}/resolve/", Manifest.UrlOf(model, config).ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LoadOrBuiltIn_FallsBackToTheCopyInTheAssembly()
    {
        var builtIn = ModelManifest.LoadOrBuiltIn(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "manifest.json"));

        Assert.Equal(Manifest.Models.Select(m => m.Id), builtIn.Models.Select(m => m.Id));
    }

    [Fact]
    public void Parse_RejectsAManifestWithoutModels()
    {
        Assert.Throws<InvalidDataException>(() => ModelManifest.Parse("""{"default": "x", "urlPattern": "http://h/{path}", "models": []}"""));
    }
}
