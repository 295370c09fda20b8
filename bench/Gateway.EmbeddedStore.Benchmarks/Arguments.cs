namespace Gateway.EmbeddedStore.Benchmarks;

/// <summary>Command-line options of the benchmarks (<c>--name value</c>).</summary>
internal static class Arguments
{
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
