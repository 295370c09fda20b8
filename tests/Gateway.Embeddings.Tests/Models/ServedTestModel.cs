using Gateway.Embeddings.Models;
using Gateway.TestModels;

namespace Gateway.Embeddings.Tests.Models;

/// <summary>The generated test model (Gateway.TestModels) served by a <see cref="LoopbackFileServer"/> under a Hugging Face-like
/// URL layout, with a manifest that points at it.</summary>
internal sealed class ServedTestModel : IDisposable
{
    public const string Id = "test/siglip2-tiny";
    public const string Repo = "test/siglip2-tiny-ONNX";

    private readonly TempDirectory _source = new();

    public ServedTestModel()
    {
        TestModelFactory.WriteTo(_source.Path);
        var files = new List<ModelFileEntry>();
        foreach (var (path, role, variant) in new[]
        {
            ("config.json", "config", (string?)null), ("preprocessor_config.json", "preprocessor", null), ("tokenizer.model", "tokenizer", null),
            (TestModelFactory.VisionModelPath, "vision", "fp32"), (TestModelFactory.TextModelPath, "text", "fp32"),
        })
        {
            var bytes = File.ReadAllBytes(_source.Combine(path));
            Server.Files[$"{Repo}/resolve/main/{path}"] = bytes;
            files.Add(new ModelFileEntry(path, role, variant, null, null));
        }
        Entry = new ModelEntry(Id, Repo, "main", 64, 32, "1 MB", "generated for tests", files);
        Manifest = new ModelManifest(Id, Server.BaseUri + "{repo}/resolve/{revision}/{path}", [Entry]);
    }

    public LoopbackFileServer Server { get; } = new();

    public ModelEntry Entry { get; }

    public ModelManifest Manifest { get; }

    public byte[] Bytes(string path) => Server.Files[$"{Repo}/resolve/main/{path}"];

    public void Dispose()
    {
        Server.Dispose();
        _source.Dispose();
    }
}
