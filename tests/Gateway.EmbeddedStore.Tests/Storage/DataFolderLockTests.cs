using Gateway.EmbeddedStore.Storage;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Storage;

public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "lock-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void IsHeld_FollowsAnOpenStore()
    {
        Assert.False(DataFolderLock.IsHeld(_data));
        using (StoreHarness.OnDisk(_data))
        {
            Assert.True(DataFolderLock.IsHeld(_data));
        }

        Assert.False(DataFolderLock.IsHeld(_data));
    }

    [Fact]
    public void SecondStoreOnTheSameFolder_IsRefusedWithTheFolderNamed()
    {
        using var first = StoreHarness.OnDisk(_data);

        var error = Assert.Throws<DataFolderInUseException>(() => StoreHarness.OnDisk(_data));

        Assert.Equal(Path.GetFullPath(_data), error.DataPath);
        Assert.Contains(Path.GetFullPath(_data), error.Message, StringComparison.Ordinal);
        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
