using System.Globalization;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>Resolves <c>minimum_should_match</c> (integer, negative, percentage, or <c>n&lt;spec</c> combinations).</summary>
internal static class MinimumShouldMatchParser
{
    public static int Resolve(string? spec, int optionalClauses, int defaultValue)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return Math.Min(defaultValue, optionalClauses);
        }

        spec = spec.Trim();
        var result = optionalClauses;
        if (spec.Contains('<', StringComparison.Ordinal))
        {
            foreach (var part in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var lt = part.IndexOf('<', StringComparison.Ordinal);
                var upTo = int.Parse(part[..lt], CultureInfo.InvariantCulture);
                if (optionalClauses > upTo)
                {
                    result = Single(part[(lt + 1)..], optionalClauses);
                }
            }

            return Math.Clamp(result, 0, optionalClauses);
        }

        return Math.Clamp(Single(spec, optionalClauses), 0, optionalClauses);
    }

    private static int Single(string spec, int count)
    {
        if (spec.EndsWith('%'))
        {
            var percent = double.Parse(spec[..^1], CultureInfo.InvariantCulture);
            var n = (int)(count * percent / 100);
            return percent < 0 ? count + n : n;
        }

        if (!int.TryParse(spec, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw StoreException.IllegalArgument("Unable to parse minimum_should_match [" + spec + "]");
        }

        return value < 0 ? count + value : value;
    }
}
