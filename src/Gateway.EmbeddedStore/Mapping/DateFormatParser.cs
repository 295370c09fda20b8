using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// Parses date values with Elasticsearch format strings: built-in names
/// (<c>strict_date_optional_time</c>, <c>epoch_millis</c>, <c>epoch_second</c>, ...) and
/// Java-style patterns (<c>yyyy-MM-dd HH:mm:ss</c>), alternatives joined with <c>||</c>.
/// </summary>
internal static partial class DateFormatParser
{
    private static readonly ConcurrentDictionary<string, Func<string, long?>[]> Cache = new(StringComparer.Ordinal);

    /// <summary>Epoch milliseconds (UTC), or null when no alternative parses the value.</summary>
    public static long? TryParse(string value, string format)
    {
        foreach (var parser in Cache.GetOrAdd(format, Build))
        {
            if (parser(value) is { } millis)
            {
                return millis;
            }
        }

        return null;
    }

    /// <summary>Parses an epoch-millis number given as a JSON number for a date field.</summary>
    public static bool AcceptsNumbers(string format) =>
        format.Split("||").Any(f => f.Trim() is "epoch_millis" or "epoch_second");

    public static void Validate(string format, string field)
    {
        try
        {
            Build(format);
        }
        catch (FormatException e)
        {
            throw MappingErrors.MapperParsing("Invalid format: [" + format + "]: " + e.Message + " for field [" + field + "]");
        }
    }

    private static Func<string, long?>[] Build(string format) =>
        format.Split("||").Select(f => BuildOne(f.Trim())).ToArray();

    private static Func<string, long?> BuildOne(string name) => name switch
    {
        "epoch_millis" => v => ParseEpoch(v, 1),
        "epoch_second" => v => ParseEpoch(v, 1000),
        "strict_date_optional_time" or "date_optional_time" or "strict_date_optional_time_nanos" or "date_optional_time_nanos"
            or "strict_date_time" or "date_time" or "strict_date_time_no_millis" or "date_time_no_millis"
            or "strict_date" or "date" or "strict_year_month_day" or "year_month_day"
            or "strict_year_month" or "year_month" or "strict_year" or "year"
            or "strict_date_hour_minute_second" or "date_hour_minute_second"
            or "strict_date_hour_minute_second_millis" or "date_hour_minute_second_millis"
            or "strict_date_hour_minute" or "date_hour_minute" or "strict_date_hour" or "date_hour" => ParseIso,
        "basic_date" => v => ParsePattern(v, "yyyyMMdd"),
        "basic_date_time" => v => ParsePattern(v, "yyyyMMdd'T'HHmmss.fffK"),
        "basic_date_time_no_millis" => v => ParsePattern(v, "yyyyMMdd'T'HHmmssK"),
        _ => JavaPattern(name),
    };

    private static Func<string, long?> JavaPattern(string pattern)
    {
        if (pattern.Length == 0 || !JavaPatternChars().IsMatch(pattern))
        {
            throw new FormatException("Unknown pattern letter or format name [" + pattern + "]");
        }

        if (JavaDatePattern.Cached(pattern) is { } numeric)
        {
            return numeric.Parse;
        }

        var net = pattern
            .Replace("uuuu", "yyyy", StringComparison.Ordinal)
            .Replace("SSSSSS", "ffffff", StringComparison.Ordinal)
            .Replace("SSS", "fff", StringComparison.Ordinal)
            .Replace("XXX", "zzz", StringComparison.Ordinal)
            .Replace("ZZ", "zzz", StringComparison.Ordinal)
            .Replace("Z", "zzz", StringComparison.Ordinal)
            .Replace("a", "tt", StringComparison.Ordinal);
        return v => ParsePattern(v, net);
    }

    private static long? ParsePattern(string value, string pattern) =>
        DateTimeOffset.TryParseExact(value, pattern, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.ToUnixTimeMilliseconds()
            : null;

    private static long? ParseEpoch(string value, long scale)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        try
        {
            return (long)decimal.Truncate(number * scale);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long? ParseIso(string value)
    {
        var match = IsoDate().Match(value);
        if (!match.Success)
        {
            return null;
        }

        int Group(int i, int fallback) => match.Groups[i].Success ? int.Parse(match.Groups[i].ValueSpan, CultureInfo.InvariantCulture) : fallback;
        try
        {
            var year = Group(1, 0);
            var fraction = match.Groups[7].Success ? match.Groups[7].Value.PadRight(7, '0')[..7] : "0";
            var ticks = long.Parse(fraction, CultureInfo.InvariantCulture);
            var offset = TimeSpan.Zero;
            if (match.Groups[8].Success && match.Groups[8].Value != "Z")
            {
                var o = match.Groups[8].Value;
                var hours = int.Parse(o.AsSpan(1, 2), CultureInfo.InvariantCulture);
                var minutes = o.Length > 3 ? int.Parse(o.AsSpan(o.Length - 2), CultureInfo.InvariantCulture) : 0;
                offset = new TimeSpan(hours, minutes, 0) * (o[0] == '-' ? -1 : 1);
            }

            var hour = Group(4, 0);
            var extraDay = hour == 24 ? 1 : 0;
            var local = new DateTime(year, Group(2, 1), Group(3, 1), hour % 24, Group(5, 0), Group(6, 0), DateTimeKind.Unspecified)
                .AddTicks(ticks).AddDays(extraDay);
            return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^([+-]?\d{4,9})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[yMdHhmsSuXxZaT'\-:/ .,]+$", RegexOptions.CultureInvariant)]
    private static partial Regex JavaPatternChars();
}
