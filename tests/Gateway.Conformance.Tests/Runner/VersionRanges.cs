using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary><c>skip.version</c> ranges: <c>"7.0.0 - 7.9.99"</c>, open bounds (<c>" - 6.99.99"</c>), lists, <c>all</c>.</summary>
internal static partial class VersionRanges
{
    public static bool Contains(string ranges, Version version)
    {
        if (ranges.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var range in ranges.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = range.Split(" - ");
            if (bounds.Length == 1)
            {
                bounds = range.Split('-');
            }

            if (bounds.Length != 2)
            {
                throw new FormatException($"version range [{range}] must be 'min - max'");
            }

            var lower = bounds[0].Trim().Length == 0 ? new Version(0, 0, 0) : Parse(bounds[0]);
            var upper = bounds[1].Trim().Length == 0 ? new Version(int.MaxValue, 0, 0) : Parse(bounds[1]);
            if (version >= lower && version <= upper)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses the numeric <c>major.minor.patch</c> prefix of a version such as <c>9.1.0-SNAPSHOT</c>.</summary>
    public static Version Parse(string text)
    {
        var match = VersionPattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"[{text}] is not a version");
        }

        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        return new Version(Part(1), Part(2), Part(3));
    }

    [GeneratedRegex(@"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?")]
    private static partial Regex VersionPattern();
}
