namespace Gateway.Peaks.Tests;

internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string CatalogFile => Path.Combine(Root, "config", "peaks.yaml");
}
