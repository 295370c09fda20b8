using Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Hosting;

public sealed class GatewayFoldersTests
{
    [Fact]
    public void From_ConfiguredDataFolder_IsUsed_AndRelativePathsResolveAgainstIt()
    {
        var data = Path.Combine(Path.GetTempPath(), "gw-data");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [GatewayFolders.DataFolderKey] = data }).Build();

        var folders = GatewayFolders.From(configuration);

        Assert.Equal(Path.GetFullPath(data), folders.DataFolder);
        Assert.Equal(Path.Combine(folders.DataFolder, "embedded-store"), folders.Data("embedded-store"));
        Assert.Equal("/abs/store", folders.Data("/abs/store"));
        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(folders.AppFolder));
        Assert.Equal(Path.Combine(folders.AppFolder, "config", "peaks.yaml"), folders.ShippedCatalog);
    }

    [Fact]
    public void From_NothingConfigured_IsThePerUserDataHome_NotTheWorkingDirectory()
    {
        var folders = GatewayFolders.From(new ConfigurationBuilder().Build());

        Assert.EndsWith(GatewayFolders.ApplicationName, folders.DataFolder, StringComparison.Ordinal);
        Assert.False(folders.IsInsideDataFolder(Environment.CurrentDirectory));
    }

    [Fact]
    public void EditableCatalog_IsSeededOnce_AndNeverOverwritten()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "seed-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var shipped = Path.Combine(root, "shipped.yaml");
            var editable = Path.Combine(root, "data", "peaks.yaml");
            File.WriteAllText(shipped, "peaks: []\n");

            Assert.True(EditableCatalog.EnsureSeeded(shipped, editable));
            File.WriteAllText(editable, "edited\n");
            Assert.False(EditableCatalog.EnsureSeeded(shipped, editable));
            Assert.Equal("edited\n", File.ReadAllText(editable));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
