using Gateway.Photos.Ingestion;

namespace Gateway.Photos.Tests.Ingestion;

public sealed class AlbumScannerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gateway-scan-").FullName;

    [Fact]
    public void Scan_FindsImagesAnyCaseRecursivelyAndSkipsHidden()
    {
        foreach (var file in new[]
        {
            "a.jpg", "B.JPEG", "sub dir/Ama Dablam – sunrise.HEIC", "sub dir/écran/日本.webp", "x.Png", "y.heif",
            "scan.TIF", "scan2.tiff", "z.avif", "old.bmp", "anim.gif", "w.jfif",
            "notes.txt", "raw.xmp", "IMG_1.AAE", ".hidden.jpg", ".thumbnails/t.jpg", "sub dir/._IMG_1.HEIC", "@eaDir/s.jpg", "movie.MOV",
        })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [1, 2, 3]);
        }

        var files = AlbumScanner.Scan(new AlbumOptions { Name = "trek", Root = _root });

        Assert.Equal(
            ["B.JPEG", "a.jpg", "anim.gif", "old.bmp", "scan.TIF", "scan2.tiff", "sub dir/Ama Dablam – sunrise.HEIC", "sub dir/écran/日本.webp", "w.jfif", "x.Png", "y.heif", "z.avif"],
            files.Select(f => f.RelativePath));
        Assert.All(files, f => Assert.Equal(3, f.Size));
        Assert.All(files, f => Assert.Equal("trek", f.Album));
    }

    [Fact]
    public void Scan_DoesNotFollowLinksOutOfTheAlbum()
    {
        var outside = Directory.CreateTempSubdirectory("gateway-scan-outside-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(outside, "secret.jpg"), [1, 2, 3]);
            File.WriteAllBytes(Path.Combine(_root, "own.jpg"), [1, 2, 3]);
            Directory.CreateSymbolicLink(Path.Combine(_root, "rootlink"), "/");
            Directory.CreateSymbolicLink(Path.Combine(_root, "outlink"), outside);
            File.CreateSymbolicLink(Path.Combine(_root, "filelink.jpg"), Path.Combine(outside, "secret.jpg"));

            var files = AlbumScanner.Scan(new AlbumOptions { Name = "trek", Root = _root });

            Assert.Equal(["own.jpg"], files.Select(f => f.RelativePath));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Scan_MissingRoot_Throws() =>
        Assert.Throws<DirectoryNotFoundException>(() => AlbumScanner.Scan(new AlbumOptions { Name = "x", Root = Path.Combine(_root, "nope") }));

    [Theory]
    [InlineData("trek", "a/b.jpg", "trek", "a/b.jpg", true)]
    [InlineData("trek", "a/b.jpg", "trek", "a\\b.jpg", true)]
    [InlineData("trek", "écran.jpg", "trek", "e\u0301cran.jpg", true)]
    [InlineData("trek", "a/b.jpg", "other", "a/b.jpg", false)]
    [InlineData("trek", "a/b.jpg", "trek", "a/B.jpg", false)]
    public void PhotoId_IsStableAndDistinct(string album1, string path1, string album2, string path2, bool same)
    {
        var id = PhotoId.For(album1, path1);

        Assert.Equal(32, id.Length);
        Assert.Equal(same, id == PhotoId.For(album2, path2));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
