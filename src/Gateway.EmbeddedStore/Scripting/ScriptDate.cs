using System.Globalization;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// A date doc value as Painless sees it (a <c>ZonedDateTime</c> in UTC): <c>getMillis()</c>,
/// <c>toInstant().toEpochMilli()</c>, the calendar getters, and Java's ISO <c>toString</c>.
/// </summary>
internal sealed record ScriptDate(long EpochMillis) : IScriptObject
{
    private DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(EpochMillis);

    public string TypeName => "java.time.ZonedDateTime";

    public bool TryCall(string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = (name, arguments.Count) switch
        {
            ("getMillis" or "toEpochMilli", 0) => EpochMillis,
            ("toInstant", 0) => this,
            ("getEpochSecond", 0) => Math.Floor(EpochMillis / 1000.0) is var s ? (long)s : 0L,
            ("getYear", 0) => Time.Year,
            ("getMonthValue", 0) => Time.Month,
            ("getDayOfMonth", 0) => Time.Day,
            ("getDayOfYear", 0) => Time.DayOfYear,
            ("getDayOfWeek", 0) => Time.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)Time.DayOfWeek,
            ("getHour", 0) => Time.Hour,
            ("getMinute", 0) => Time.Minute,
            ("getSecond", 0) => Time.Second,
            ("getNano", 0) => Time.Millisecond * 1_000_000,
            ("isBefore", 1) when arguments[0] is ScriptDate other => EpochMillis < other.EpochMillis,
            ("isAfter", 1) when arguments[0] is ScriptDate other => EpochMillis > other.EpochMillis,
            ("compareTo", 1) when arguments[0] is ScriptDate other => EpochMillis.CompareTo(other.EpochMillis),
            ("toString", 0) => ToString(),
            _ => Missing,
        };
        return !ReferenceEquals(result, Missing);
    }

    public object? Index(object? key) => throw ScriptException.IllegalArgument("Attempting to address a non-array-like type [ZonedDateTime] as an array.");

    /// <summary>Java's <c>ZonedDateTime.toString</c> for UTC: seconds and milliseconds only when not zero.</summary>
    public override string ToString()
    {
        var time = Time;
        var text = time.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        if (time.Second != 0 || time.Millisecond != 0)
        {
            text += time.ToString(":ss", CultureInfo.InvariantCulture);
        }

        if (time.Millisecond != 0)
        {
            text += time.ToString(".fff", CultureInfo.InvariantCulture);
        }

        return text + "Z";
    }

    private static readonly object Missing = new();
}
