using System.Globalization;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// Elasticsearch date math: an anchor (<c>now</c> or a date followed by <c>||</c>) then operations
/// such as <c>+1d</c>, <c>-2h</c>, <c>/d</c> (round down, or up to the unit's last millisecond
/// when <c>roundUp</c>). Units: y M w d h H m s.
/// </summary>
internal static class DateMath
{
    public static long Parse(string text, string? format, TimeZoneInfo? zone, DateTimeOffset now, bool roundUp, string field)
    {
        string math;
        DateTimeOffset time;
        if (text.StartsWith("now", StringComparison.Ordinal))
        {
            time = now;
            math = text[3..];
        }
        else
        {
            var sep = text.IndexOf("||", StringComparison.Ordinal);
            var datePart = sep < 0 ? text : text[..sep];
            math = sep < 0 ? string.Empty : text[(sep + 2)..];
            var millis = DateFormats.Parse(datePart, format, zone, field);
            time = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            if (math.Length == 0)
            {
                return millis;
            }
        }

        var local = zone is null ? time : TimeZoneInfo.ConvertTime(time, zone);
        var dt = local.DateTime;
        var i = 0;
        while (i < math.Length)
        {
            var op = math[i++];
            if (op == '/')
            {
                var unit = math[i++];
                dt = RoundDown(dt, unit);
                if (roundUp)
                {
                    dt = Add(dt, unit, 1).AddMilliseconds(-1);
                }

                continue;
            }

            if (op is not '+' and not '-')
            {
                throw Error(text);
            }

            var start = i;
            while (i < math.Length && char.IsDigit(math[i]))
            {
                i++;
            }

            var amount = i > start ? int.Parse(math[start..i], CultureInfo.InvariantCulture) : 1;
            if (i >= math.Length)
            {
                throw Error(text);
            }

            dt = Add(dt, math[i++], op == '-' ? -amount : amount);
        }

        var offset = zone?.GetUtcOffset(dt) ?? TimeSpan.Zero;
        return new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), offset).ToUnixTimeMilliseconds();
    }

    private static DateTime RoundDown(DateTime dt, char unit) => unit switch
    {
        'y' => new DateTime(dt.Year, 1, 1),
        'M' => new DateTime(dt.Year, dt.Month, 1),
        'w' => dt.Date.AddDays(-(((int)dt.DayOfWeek + 6) % 7)),
        'd' => dt.Date,
        'h' or 'H' => new DateTime(dt.Year, dt.Month, dt.Day, dt.Hour, 0, 0),
        'm' => new DateTime(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, 0),
        's' => new DateTime(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second),
        _ => throw StoreException.Parsing("unit [" + unit + "] not supported for date math"),
    };

    private static DateTime Add(DateTime dt, char unit, int amount) => unit switch
    {
        'y' => dt.AddYears(amount),
        'M' => dt.AddMonths(amount),
        'w' => dt.AddDays(7 * amount),
        'd' => dt.AddDays(amount),
        'h' or 'H' => dt.AddHours(amount),
        'm' => dt.AddMinutes(amount),
        's' => dt.AddSeconds(amount),
        _ => throw StoreException.Parsing("unit [" + unit + "] not supported for date math"),
    };

    private static StoreException Error(string text) =>
        new(400, "parse_exception", "operator not supported for date math [" + text + "]");
}
