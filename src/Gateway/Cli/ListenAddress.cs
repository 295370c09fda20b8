namespace Gateway.Cli;

/// <summary>Turns the server's <c>Urls</c> setting into an address a local client can call.</summary>
internal static class ListenAddress
{
    /// <summary>ASP.NET Core's default when nothing is configured.</summary>
    public static readonly Uri Default = new("http://localhost:5000/");

    /// <summary>
    /// The first entry of a <c>;</c>-separated <c>Urls</c> value, preferring http, with wildcard hosts
    /// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) replaced by <c>localhost</c>.
    /// </summary>
    public static Uri FirstClientUri(string? urls)
    {
        var entries = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            return Default;
        }

        var chosen = entries.FirstOrDefault(e => e.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? entries[0];
        var schemeEnd = chosen.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return Default;
        }

        var rest = chosen[(schemeEnd + 3)..];
        foreach (var wildcard in new[] { "*", "+", "0.0.0.0", "[::]" })
        {
            if (rest.StartsWith(wildcard, StringComparison.Ordinal) && (rest.Length == wildcard.Length || rest[wildcard.Length] is ':' or '/'))
            {
                rest = "localhost" + rest[wildcard.Length..];
                break;
            }
        }

        return Uri.TryCreate(chosen[..(schemeEnd + 3)] + rest.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : Default;
    }
}
