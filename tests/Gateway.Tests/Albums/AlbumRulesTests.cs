using Gateway.Albums;

namespace Gateway.Tests.Albums;

public sealed class AlbumRulesTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "album-rules-" + Guid.NewGuid().ToString("N"))).FullName;

    private string Photos => Directory.CreateDirectory(Path.Combine(_root, "photos")).FullName;

    private string Data => Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;

    [Fact]
    public void Check_ReadableFolderAndNewName_IsAccepted() =>
        Assert.Null(AlbumRules.Check("ebc", Photos, [], Data));

    [Theory]
    [InlineData("")]
    [InlineData("-dash")]
    [InlineData("with space")]
    [InlineData("a/b")]
    public void Check_BadName_Is400(string name) =>
        Assert.Equal(400, AlbumRules.Check(name, Photos, [], Data)!.Status);

    [Fact]
    public void Check_TakenName_Is409() =>
        Assert.Equal(409, AlbumRules.Check("ebc", Photos, [new Album("ebc", "/elsewhere", Editable: true)], Data)!.Status);

    [Fact]
    public void Check_MissingOrRelativeFolder_Is400()
    {
        Assert.Contains("does not exist", AlbumRules.Check("ebc", Path.Combine(_root, "nope"), [], Data)!.Reason, StringComparison.Ordinal);
        Assert.Contains("absolute", AlbumRules.Check("ebc", "photos", [], Data)!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FolderInsideOrAroundTheDataFolder_Is400()
    {
        var inside = Directory.CreateDirectory(Path.Combine(Data, "thumbnails")).FullName;
        Assert.Equal(400, AlbumRules.Check("ebc", inside, [], Data)!.Status);
        Assert.Equal(400, AlbumRules.Check("ebc", _root, [], Data)!.Status);
        Assert.Null(AlbumRules.Check("ebc", Photos, [], Data + "-other"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
