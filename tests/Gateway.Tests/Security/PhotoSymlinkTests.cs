using System.Net;
using System.Text;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Security;

/// <summary>Photo serving never leaves the album, however the photos index names the file (issue 14 part 2).</summary>
public sealed class PhotoSymlinkTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly GatewayHost _host;
    private readonly string _album;

    public PhotoSymlinkTests()
    {
        _album = Directory.CreateDirectory(Path.Combine(_dir.Path, "album")).FullName;
        var inner = Directory.CreateDirectory(Path.Combine(_album, "inner")).FullName;
        File.WriteAllText(Path.Combine(inner, "own.txt"), "inside the album");
        var outside = Directory.CreateDirectory(Path.Combine(_dir.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "outside the album");
        Directory.CreateSymbolicLink(Path.Combine(_album, "rootlink"), "/");
        Directory.CreateSymbolicLink(Path.Combine(_album, "outlink"), outside);
        Directory.CreateSymbolicLink(Path.Combine(_album, "innerlink"), inner);
        File.CreateSymbolicLink(Path.Combine(_album, "secret.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(inner, "up"), "..");
        _host = GatewayHost.Start(_dir.Path, null, new Dictionary<string, string?>
        {
            ["Photos:Albums:0:Name"] = "t",
            ["Photos:Albums:0:Root"] = _album,
        });
    }

    [Theory]
    [InlineData("rootlink/etc/passwd")]
    [InlineData("outlink/secret.txt")]
    [InlineData("secret.txt")]
    [InlineData("innerlink/up/outlink/secret.txt")]
    [InlineData("inner/up/rootlink/etc/passwd")]
    [InlineData("innerlink/../../outside/secret.txt")]
    [InlineData("/etc/passwd")]
    public async Task Original_PathLeavingTheAlbumThroughLinks_IsNotFound(string path)
    {
        await PutPhotoAsync("x", $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(path)}},"album":"t"}""");

        foreach (var kind in new[] { "original", "thumb", "preview" })
        {
            using var response = await _host.Http.GetAsync($"/_ui/photos/x/{kind}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("inner/own.txt")]
    [InlineData("innerlink/own.txt")]
    [InlineData("inner/up/inner/own.txt")]
    public async Task Original_LinkThatStaysInsideTheAlbum_IsServed(string path)
    {
        await PutPhotoAsync("in", $$"""{"path":"{{path}}","album":"t"}""");

        using var response = await _host.Http.GetAsync("/_ui/photos/in/original");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inside the album", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"path":5,"album":"t"}""")]
    [InlineData("""{"path":"inner/own.txt\u0000.jpg","album":"t"}""")]
    [InlineData("""{"path":["inner/own.txt"],"album":{"x":1}}""")]
    public async Task PhotoRoutes_MalformedStoredPath_AnswerElasticsearchShaped4xx(string source)
    {
        await PutPhotoAsync("bad", source);

        foreach (var kind in new[] { "original", "thumb", "preview" })
        {
            using var response = await _host.Http.GetAsync($"/_ui/photos/bad/{kind}");
            Assert.InRange((int)response.StatusCode, 400, 499);
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }

    private async Task PutPhotoAsync(string id, string source)
    {
        using var content = new StringContent(source, Encoding.UTF8, "application/json");
        using var response = await _host.Http.PutAsync($"/photos/_doc/{id}?refresh=true", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
