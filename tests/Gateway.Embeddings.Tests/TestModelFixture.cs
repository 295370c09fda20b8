using Gateway.TestModels;

namespace Gateway.Embeddings.Tests;

/// <summary>One generated colour model folder shared by the tests of a class.</summary>
public sealed class TestModelFixture : IDisposable
{
    public TestModelFixture()
    {
        Model = TestModelFactory.WriteTo(Path.Combine(Path.GetTempPath(), "gateway-embeddings-tests-" + Guid.NewGuid().ToString("N")));
    }

    public TestModel Model { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Model.Directory, recursive: true);
        }
        catch (IOException)
        {
            // A session may still hold a file on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
