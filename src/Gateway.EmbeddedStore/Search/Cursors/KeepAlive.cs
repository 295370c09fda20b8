using System.Globalization;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Search.Cursors;

/// <summary>Keep-alive time values (<c>1m</c>, <c>30s</c>) of scrolls and points in time.</summary>
internal static class KeepAlive
{
    public static TimeSpan Parse(string text, string setting, TimeSpan max)
    {
        var value = IndexSettings.ParseInterval(text);
        if (value is null || value.Value < TimeSpan.Zero)
        {
            throw StoreException.BadRequest("parse_exception",
                "failed to parse setting [" + setting + "] with value [" + text + "] as a time value: unit is missing or unrecognized");
        }

        return value.Value > max ? throw CursorErrors.KeepAliveTooLarge(text, max) : value.Value;
    }

    public static string Render(TimeSpan value) =>
        value.TotalDays >= 1 && value.TotalDays % 1 == 0 ? value.TotalDays.ToString(CultureInfo.InvariantCulture) + "d"
        : value.TotalHours >= 1 && value.TotalHours % 1 == 0 ? value.TotalHours.ToString(CultureInfo.InvariantCulture) + "h"
        : value.TotalMinutes >= 1 && value.TotalMinutes % 1 == 0 ? value.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "m"
        : value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";
}
