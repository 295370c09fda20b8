using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>Rounds values down to histogram bucket keys and steps to the next key.</summary>
internal sealed class BucketRounding
{
    private readonly double _interval;
    private readonly double _offset;
    private readonly char _calendarUnit;

    private BucketRounding(double interval, double offset, char calendarUnit, TimeZoneInfo? zone)
    {
        _interval = interval;
        _offset = offset;
        _calendarUnit = calendarUnit;
        Zone = zone;
    }

    public TimeZoneInfo? Zone { get; }

    public static BucketRounding ForNumber(JsonObject options)
    {
        var interval = options["interval"] is { } i ? JsonValues.ToDouble(i, "interval") : throw StoreException.IllegalArgument("[interval] must be >0 for histogram aggregation");
        if (interval <= 0)
        {
            throw StoreException.IllegalArgument("[interval] must be >0 for histogram aggregation");
        }

        var offset = options["offset"] is { } o ? JsonValues.ToDouble(o, "offset") : 0;
        return new BucketRounding(interval, offset, '\0', null);
    }

    public static BucketRounding ForDate(JsonObject options)
    {
        var zone = QueryValues.Zone(JsonValues.AsString(options["time_zone"]));
        var offset = options["offset"] is { } o ? ParseDuration(JsonValues.AsString(o)!.TrimStart('+')) : 0;
        if (JsonValues.AsString(options["calendar_interval"]) is { } calendar)
        {
            var unit = calendar switch
            {
                "minute" or "1m" => 'm',
                "hour" or "1h" => 'h',
                "day" or "1d" => 'd',
                "week" or "1w" => 'w',
                "month" or "1M" => 'M',
                "quarter" or "1q" => 'q',
                "year" or "1y" => 'y',
                "second" or "1s" => 's',
                _ => throw StoreException.IllegalArgument("The supplied interval [" + calendar + "] could not be parsed as a calendar interval."),
            };
            return new BucketRounding(0, offset, unit, zone);
        }

        if (JsonValues.AsString(options["fixed_interval"]) is { } fixedInterval)
        {
            return new BucketRounding(ParseDuration(fixedInterval), offset, '\0', zone);
        }

        if (options["interval"] is not null)
        {
            throw StoreException.IllegalArgument("The [interval] field is not supported; use [fixed_interval] or [calendar_interval] instead.");
        }

        throw StoreException.IllegalArgument("Invalid interval specified, must be non-null and non-empty");
    }

    public double Round(double value) => Round(value, _offset);

    /// <summary>
    /// A date histogram's <c>extended_bounds</c> bound: Elasticsearch rounds the bounds with the rounding without its
    /// offset and adds the offset to the empty buckets' keys afterwards (<c>InternalDateHistogram.addEmptyBuckets</c>), so
    /// with <c>offset: 1h</c> a minimum of 2016-01-01 starts at 2016-01-01T01:00, not at the bucket holding it.
    /// </summary>
    public double RoundBound(double value) => Round(value, shift: 0);

    private double Round(double value, double shift)
    {
        if (_calendarUnit == '\0')
        {
            if (Zone is null)
            {
                return (Math.Floor((value - shift) / _interval) * _interval) + _offset;
            }

            var local = value + Zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds((long)value)).TotalMilliseconds;
            var keyLocal = (Math.Floor((local - shift) / _interval) * _interval) + _offset;
            return ToUtc(DateTimeOffset.FromUnixTimeMilliseconds((long)keyLocal).DateTime);
        }

        var instant = DateTimeOffset.FromUnixTimeMilliseconds((long)value - (long)shift);
        var dt = (Zone is null ? instant : TimeZoneInfo.ConvertTime(instant, Zone)).DateTime;
        dt = _calendarUnit switch
        {
            's' => new DateTime(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second),
            'm' => new DateTime(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, 0),
            'h' => new DateTime(dt.Year, dt.Month, dt.Day, dt.Hour, 0, 0),
            'd' => dt.Date,
            'w' => dt.Date.AddDays(-(((int)dt.DayOfWeek + 6) % 7)),
            'M' => new DateTime(dt.Year, dt.Month, 1),
            'q' => new DateTime(dt.Year, (((dt.Month - 1) / 3) * 3) + 1, 1),
            _ => new DateTime(dt.Year, 1, 1),
        };
        return ToUtc(dt) + _offset;
    }

    public double Next(double key)
    {
        if (_calendarUnit == '\0')
        {
            return key + _interval;
        }

        var instant = DateTimeOffset.FromUnixTimeMilliseconds((long)(key - _offset));
        var dt = (Zone is null ? instant : TimeZoneInfo.ConvertTime(instant, Zone)).DateTime;
        dt = _calendarUnit switch
        {
            's' => dt.AddSeconds(1),
            'm' => dt.AddMinutes(1),
            'h' => dt.AddHours(1),
            'd' => dt.AddDays(1),
            'w' => dt.AddDays(7),
            'M' => dt.AddMonths(1),
            'q' => dt.AddMonths(3),
            _ => dt.AddYears(1),
        };
        return ToUtc(dt) + _offset;
    }

    private double ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = Zone?.GetUtcOffset(unspecified) ?? TimeSpan.Zero;
        return new DateTimeOffset(unspecified, offset).ToUnixTimeMilliseconds();
    }

    /// <summary>Parses Elasticsearch time units (<c>90m</c>, <c>2h</c>, <c>30d</c>, <c>500ms</c>) to milliseconds.</summary>
    public static double ParseDuration(string text)
    {
        text = text.Trim();
        var i = 0;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i == 0 || !double.TryParse(text[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            throw StoreException.IllegalArgument("failed to parse setting [date_histogram.fixedInterval] with value [" + text + "] as a time value: unit is missing or unrecognized");
        }

        return text[i..] switch
        {
            "ms" => n,
            "s" => n * 1000,
            "m" => n * 60_000,
            "h" => n * 3_600_000,
            "d" => n * 86_400_000,
            _ => throw StoreException.IllegalArgument("failed to parse setting [date_histogram.fixedInterval] with value [" + text + "] as a time value: unit is missing or unrecognized"),
        };
    }
}
