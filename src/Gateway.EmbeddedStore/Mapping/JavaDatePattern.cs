using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// A numeric Java <c>DateTimeFormatter</c> pattern (<c>uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSZZZZZ</c>) compiled to a regular
/// expression, for what .NET's exact parsing cannot read: fractions of more than 7 digits (kept to the millisecond, as
/// the store keeps dates) and Java's offset letters (<c>Z</c>: <c>+0200</c>; <c>ZZZZZ</c>/<c>XXX</c>: <c>+02:00</c> or
/// <c>Z</c>; <c>X</c>: <c>+02</c> or <c>Z</c>; <c>XX</c>: <c>+0200</c> or <c>Z</c>; <c>xxx</c>: <c>+02:00</c>). Patterns
/// with text fields (month or day names, AM/PM) are left to .NET (null from <see cref="TryCompile"/>).
/// </summary>
internal sealed class JavaDatePattern
{
    private readonly Regex _regex;
    private readonly List<(char Letter, int Count, string? Literal)> _tokens;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JavaDatePattern?> Compiled = new(StringComparer.Ordinal);

    private JavaDatePattern(Regex regex, List<(char, int, string?)> tokens)
    {
        _regex = regex;
        _tokens = tokens;
    }

    /// <summary><see cref="TryCompile"/>, compiled once per pattern.</summary>
    public static JavaDatePattern? Cached(string pattern) => Compiled.GetOrAdd(pattern, TryCompile);

    public static JavaDatePattern? TryCompile(string pattern)
    {
        var regex = new StringBuilder("^");
        var tokens = new List<(char, int, string?)>();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }

                var literal = end == i + 1 ? "'" : pattern[(i + 1)..end];
                regex.Append(Regex.Escape(literal));
                tokens.Add(('\'', 0, literal));
                i = end + 1;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            var part = Token(c, run);
            if (part is null)
            {
                return null;
            }

            regex.Append(part);
            tokens.Add((c, run, char.IsAsciiLetter(c) ? null : new string(c, run)));
            i += run;
        }

        return new JavaDatePattern(new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant), tokens);
    }

    private static string? Token(char letter, int count) => letter switch
    {
        'y' or 'u' => count == 2 ? @"(?<yy>\d{2})" : @"(?<year>[+-]?\d{" + count + ",9})",
        'M' when count <= 2 => @"(?<month>\d{" + count + ",2})",
        'd' when count <= 2 => @"(?<day>\d{" + count + ",2})",
        'H' when count <= 2 => @"(?<hour>\d{" + count + ",2})",
        'm' when count <= 2 => @"(?<minute>\d{" + count + ",2})",
        's' when count <= 2 => @"(?<second>\d{" + count + ",2})",
        'S' => @"(?<fraction>\d{" + count + "})",
        'Z' when count <= 3 => @"(?<offset>[+-]\d{4})",
        'Z' when count == 5 => @"(?<offset>Z|[+-]\d{2}:\d{2})",
        'X' => count switch { 1 => @"(?<offset>Z|[+-]\d{2}(?:\d{2})?)", 2 => @"(?<offset>Z|[+-]\d{4})", _ => @"(?<offset>Z|[+-]\d{2}:\d{2})" },
        'x' => count switch { 1 => @"(?<offset>[+-]\d{2}(?:\d{2})?)", 2 => @"(?<offset>[+-]\d{4})", _ => @"(?<offset>[+-]\d{2}:\d{2})" },
        _ when !char.IsAsciiLetter(letter) => Regex.Escape(new string(letter, count)),
        _ => null,
    };

    /// <summary>Epoch milliseconds (a value without an offset is UTC), or null when the value does not match.</summary>
    public long? Parse(string value) => Parse(value, null);

    /// <summary>Epoch milliseconds; a value without an offset is read in <paramref name="zone"/> (UTC when null); null when it does not match.</summary>
    public long? Parse(string value, TimeZoneInfo? zone)
    {
        var match = _regex.Match(value);
        if (!match.Success)
        {
            return null;
        }

        int Group(string name, int fallback) =>
            match.Groups[name].Success ? int.Parse(match.Groups[name].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : fallback;
        try
        {
            var year = match.Groups["yy"].Success ? 2000 + Group("yy", 0) : Group("year", 1970);
            var millis = match.Groups["fraction"].Success ? int.Parse(match.Groups["fraction"].Value.PadRight(3, '0')[..3], CultureInfo.InvariantCulture) : 0;
            var local = new DateTime(year, Group("month", 1), Group("day", 1), Group("hour", 0), Group("minute", 0), Group("second", 0), millis, DateTimeKind.Unspecified);
            var offset = match.Groups["offset"].Success || zone is null ? Offset(match.Groups["offset"]) : zone.GetUtcOffset(local);
            return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Formats an instant (in its own offset) with the pattern, as Java's formatter prints it.</summary>
    public string Format(DateTimeOffset value)
    {
        var text = new StringBuilder();
        foreach (var (letter, count, literal) in _tokens)
        {
            text.Append(literal ?? letter switch
            {
                'y' or 'u' => count == 2 ? (value.Year % 100).ToString("D2", CultureInfo.InvariantCulture) : value.Year.ToString("D" + count, CultureInfo.InvariantCulture),
                'M' => value.Month.ToString("D" + count, CultureInfo.InvariantCulture),
                'd' => value.Day.ToString("D" + count, CultureInfo.InvariantCulture),
                'H' => value.Hour.ToString("D" + count, CultureInfo.InvariantCulture),
                'm' => value.Minute.ToString("D" + count, CultureInfo.InvariantCulture),
                's' => value.Second.ToString("D" + count, CultureInfo.InvariantCulture),
                'S' => (value.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture).PadRight(Math.Max(count, 7), '0')[..count],
                _ => FormatOffset(letter, count, value.Offset),
            });
        }

        return text.ToString();
    }

    private static string FormatOffset(char letter, int count, TimeSpan offset)
    {
        if (offset == TimeSpan.Zero && (letter == 'X' || (letter == 'Z' && count == 5)))
        {
            return "Z";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var hours = abs.Hours.ToString("D2", CultureInfo.InvariantCulture);
        var minutes = abs.Minutes.ToString("D2", CultureInfo.InvariantCulture);
        var colon = (letter == 'Z' && count == 5) || (letter is 'X' or 'x' && count >= 3);
        return letter is 'X' or 'x' && count == 1 && abs.Minutes == 0 ? sign + hours : sign + hours + (colon ? ":" : "") + minutes;
    }

    private static TimeSpan Offset(Group group)
    {
        if (!group.Success || group.Value == "Z")
        {
            return TimeSpan.Zero;
        }

        var digits = group.Value[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = digits.Length >= 4 ? int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(hours, minutes, 0) * (group.Value[0] == '-' ? -1 : 1);
    }
}
