using System.Text.RegularExpressions;
using Gateway.Conformance.Tests.Assertions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>The <c>catch</c> values of a <c>do</c> and the statuses they accept (Java runner's table).</summary>
internal static class CatchMatcher
{
    private static readonly Dictionary<string, int> Named = new(StringComparer.Ordinal)
    {
        ["bad_request"] = 400,
        ["unauthorized"] = 401,
        ["forbidden"] = 403,
        ["missing"] = 404,
        ["request_timeout"] = 408,
        ["conflict"] = 409,
        ["gone"] = 410,
        ["unavailable"] = 503,
    };

    public static bool IsRegex(string value) => value.Length > 2 && value[0] == '/' && value[^1] == '/';

    public static bool IsKnown(string value) => Named.ContainsKey(value) || value is "request" or "param" || IsRegex(value);

    /// <summary>Returns a failure description, or null when <paramref name="response"/> is the error the catch expects.</summary>
    public static string? Check(string catchValue, ApiResponse response)
    {
        if (!response.IsError)
        {
            return $"expected an error [{catchValue}] but got {response.Status}: {Truncate(response.BodyText)}";
        }

        if (Named.TryGetValue(catchValue, out var status))
        {
            return response.Status == status ? null : $"expected status {status} [{catchValue}] but got {response.Status}: {Truncate(response.BodyText)}";
        }

        if (catchValue == "request")
        {
            return Named.ContainsValue(response.Status) && response.Status != 503
                ? $"expected a 4xx/5xx other than the named ones [request] but got {response.Status}: {Truncate(response.BodyText)}"
                : null;
        }

        // The Java runner matches the regex against the `error` object's toString().
        var error = ObjectPath.Evaluate(response.Body, ["error"]);
        if (error is null)
        {
            return $"expected an [error] in the response to match {catchValue}, got {response.Status}: {Truncate(response.BodyText)}";
        }

        var text = JsonValues.ToText(error);
        var regex = new Regex(catchValue[1..^1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        return regex.IsMatch(text) ? null : $"error [{Truncate(text)}] does not match {catchValue} (status {response.Status})";
    }

    private static string Truncate(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
