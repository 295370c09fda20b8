using System.Globalization;
using System.Text;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// Elasticsearch date formats: the named ones the store meets in practice
/// (<c>strict_date_optional_time</c>, <c>epoch_millis</c>, <c>epoch_second</c>, <c>date</c>, ...)
/// and Java-style patterns (<c>yyyy-MM-dd HH:mm:ss</c>), alternatives separated by <c>||</c>.
/// </summary>
internal static class DateFormats
{
    public const string Default = "strict_date_optional_time||epoch_millis";

    public static bool TryParse(string text, string? format, TimeZoneInfo? zone, out long millis)
    {
        foreach (var f in (format ?? Default).Split("||"))
        {
            if (TryParseOne(text.Trim(), f.Trim(), zone, out millis))
            {
                return true;
            }
        }

        millis = 0;
        return false;
    }

    public static long Parse(string text, string? format, TimeZoneInfo? zone, string field)
    {
        if (TryParse(text, format, zone, out var millis))
        {
            return millis;
        }

        throw new StoreException(400, "parse_exception", "failed to parse date field [" + text + "] with format [" + (format ?? Default) + "]")
        {
            CausedBy = StoreException.IllegalArgument("failed to parse date field [" + text + "] with format [" + (format ?? Default) + "]"),
        };
    }

    /// <summary>Formats epoch milliseconds with the first format of <paramref name="format"/>.</summary>
    public static string Format(long millis, string? format, TimeZoneInfo? zone = null)
    {
        var first = (format ?? Default).Split("||")[0].Trim();
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        var local = zone is null ? instant : TimeZoneInfo.ConvertTime(instant, zone);
        return first switch
        {
            "epoch_millis" => millis.ToString(CultureInfo.InvariantCulture),
            "epoch_second" => (millis / 1000).ToString(CultureInfo.InvariantCulture),
            "strict_date_optional_time" or "date_optional_time" or "strict_date_optional_time_nanos" or "strict_date_time" or "date_time" =>
                local.Offset == TimeSpan.Zero
                    ? local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                    : local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            _ when NamedPattern(first) is null && Mapping.JavaDatePattern.Cached(first) is { } numeric => numeric.Format(local),
            _ => local.ToString(ToNetPattern(NamedPattern(first) ?? first), CultureInfo.InvariantCulture),
        };
    }

    private static bool TryParseOne(string text, string format, TimeZoneInfo? zone, out long millis)
    {
        millis = 0;
        switch (format)
        {
            case "epoch_millis":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    millis = (long)ms;
                    return true;
                }

                return false;
            case "epoch_second":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                {
                    millis = (long)(s * 1000);
                    return true;
                }

                return false;
            case "strict_date_optional_time" or "date_optional_time" or "strict_date_optional_time_nanos" or "strict_date_time" or "date_time" or "iso8601":
                return TryIso(text, zone, out millis);
        }

        if (NamedPattern(format) is null && Mapping.JavaDatePattern.Cached(format) is { } numeric)
        {
            // Numeric Java patterns are read as the mapping reads them (nine-digit fractions, Java's offset letters).
            var parsed = numeric.Parse(text, zone);
            millis = parsed ?? 0;
            return parsed is not null;
        }

        var pattern = ToNetPattern(NamedPattern(format) ?? format);
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, pattern, CultureInfo.InvariantCulture, styles | DateTimeStyles.AssumeUniversal, out var dto))
        {
            millis = ApplyZone(dto, pattern, zone);
            return true;
        }

        return false;
    }

    private static long ApplyZone(DateTimeOffset parsed, string pattern, TimeZoneInfo? zone)
    {
        if (zone is null || pattern.Contains('z', StringComparison.Ordinal) || pattern.Contains('K', StringComparison.Ordinal))
        {
            return parsed.ToUnixTimeMilliseconds();
        }

        var offset = zone.GetUtcOffset(parsed.DateTime);
        return new DateTimeOffset(parsed.DateTime, offset).ToUnixTimeMilliseconds();
    }

    private static bool TryIso(string text, TimeZoneInfo? zone, out long millis)
    {
        millis = 0;
        if (text.Length < 4 || !char.IsDigit(text[0]))
        {
            return false;
        }

        string[] patterns =
        [
            "yyyy", "yyyy-MM", "yyyy-MM-dd", "yyyy-MM-dd'T'HH", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HHK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        ];
        var trimmed = TrimNanos(text);
        if (!DateTimeOffset.TryParseExact(trimmed, patterns, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            return false;
        }

        var hasZone = trimmed.EndsWith('Z') || trimmed.LastIndexOfAny(['+', '-']) > 10;
        millis = hasZone || zone is null ? dto.ToUnixTimeMilliseconds() : new DateTimeOffset(dto.DateTime, zone.GetUtcOffset(dto.DateTime)).ToUnixTimeMilliseconds();
        return true;
    }

    // .NET parses at most 7 fractional digits; Elasticsearch accepts nanoseconds (9).
    private static string TrimNanos(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 > 7 ? text[..(dot + 8)] + text[end..] : text;
    }

    private static string? NamedPattern(string name) => name switch
    {
        "strict_date" or "date" or "year_month_day" or "strict_year_month_day" => "yyyy-MM-dd",
        "basic_date" => "yyyyMMdd",
        "year" or "strict_year" => "yyyy",
        "year_month" or "strict_year_month" => "yyyy-MM",
        "strict_date_hour_minute_second" or "date_hour_minute_second" => "yyyy-MM-dd'T'HH:mm:ss",
        "strict_date_hour_minute_second_millis" or "date_hour_minute_second_millis" => "yyyy-MM-dd'T'HH:mm:ss.SSS",
        "strict_date_hour_minute" or "date_hour_minute" => "yyyy-MM-dd'T'HH:mm",
        "hour_minute_second" or "strict_hour_minute_second" => "HH:mm:ss",
        "basic_date_time" => "yyyyMMdd'T'HHmmss.SSSZ",
        "basic_date_time_no_millis" => "yyyyMMdd'T'HHmmssZ",
        _ => null,
    };

    /// <summary>Converts a Java DateTimeFormatter pattern into a .NET custom format.</summary>
    private static string ToNetPattern(string java)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            var run = 1;
            while (i + run < java.Length && java[i + run] == c && c != '\'')
            {
                run++;
            }

            switch (c)
            {
                case 'u' or 'y':
                    sb.Append(run == 2 ? "yy" : "yyyy");
                    break;
                case 'S':
                    sb.Append(new string('f', Math.Min(run, 7)));
                    break;
                case 'Z' or 'X' or 'x':
                    sb.Append('K');
                    break;
                case 'a':
                    sb.Append("tt");
                    break;
                case 'E':
                    sb.Append(run >= 4 ? "dddd" : "ddd");
                    break;
                case '\'':
                    var close = java.IndexOf('\'', i + 1);
                    close = close < 0 ? java.Length - 1 : close;
                    sb.Append(java, i, close - i + 1);
                    i = close;
                    continue;
                case 'T' or '-' or ':' or '.' or ' ' or '/' or ',':
                    sb.Append(c == 'T' ? "'T'" : c is '/' or ':' ? "\\" + c : c.ToString());
                    sb.Append(c is 'T' or '-' or ':' or '.' or ' ' or '/' or ',' && run > 1 ? new string(c, run - 1) : string.Empty);
                    break;
                default:
                    sb.Append(c, run);
                    break;
            }

            i += run - 1;
        }

        return sb.ToString();
    }
}
