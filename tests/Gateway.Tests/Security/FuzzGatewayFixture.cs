using Gateway.TestModels;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Security;

/// <summary>A real Kestrel gateway on loopback with the embedded store, the test model and a one-photo album <c>t</c>.</summary>
public sealed class FuzzGatewayFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public FuzzGatewayFixture()
    {
        var model = TestModelFactory.WriteTo(Path.Combine(_dir.Path, "model"));
        var album = Directory.CreateDirectory(Path.Combine(_dir.Path, "album")).FullName;
        File.WriteAllBytes(Path.Combine(album, "red.jpg"), TestImages.SolidJpeg(TestColor.Named("red")));
        Host = GatewayHost.Start(_dir.Path, model.Directory, new Dictionary<string, string?>
        {
            ["Photos:Albums:0:Name"] = "t",
            ["Photos:Albums:0:Root"] = album,
        });
    }

    internal GatewayHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _dir.Dispose();
    }
}
