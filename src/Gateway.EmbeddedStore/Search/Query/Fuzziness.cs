using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// Elasticsearch's <c>fuzziness</c>: a fixed edit distance (0, 1 or 2) or <c>AUTO</c> / <c>AUTO:low,high</c>
/// (0 edits below <c>low</c> characters, 1 below <c>high</c>, 2 from there; 3 and 6 by default).
/// </summary>
internal sealed class Fuzziness
{
    private const int DefaultLow = 3;
    private const int DefaultHigh = 6;

    private readonly int? _edits;
    private readonly int _low;
    private readonly int _high;

    private Fuzziness(int? edits, int low, int high)
    {
        _edits = edits;
        _low = low;
        _high = high;
    }

    public static Fuzziness Auto { get; } = new(null, DefaultLow, DefaultHigh);

    public static Fuzziness Parse(JsonNode? node)
    {
        var text = JsonValues.AsString(node);
        if (node is JsonObject or JsonArray || string.IsNullOrEmpty(text))
        {
            throw StoreException.IllegalArgument("fuzziness cannot be null or empty.");
        }

        var upper = text.ToUpperInvariant();
        if (upper == "AUTO")
        {
            return Auto;
        }

        if (upper.StartsWith("AUTO:", StringComparison.Ordinal))
        {
            var bounds = upper[5..].Split(',');
            if (bounds.Length != 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                || !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high))
            {
                throw StoreException.BadRequest("parse_exception", "failed to find low and high distance values");
            }

            if (low > high)
            {
                throw StoreException.BadRequest("parse_exception", "fuzziness wrongly configured, low distance [" + low + "] must be smaller than or equal to high distance [" + high + "]");
            }

            return new Fuzziness(null, low, high);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw StoreException.BadRequest("parse_exception", "Invalid fuzziness value: [" + text + "]");
        }

        if (value is not (0 or 1 or 2))
        {
            throw StoreException.IllegalArgument("Valid edit distances are [0, 1, 2] but was [" + text + "]");
        }

        return new Fuzziness((int)value, DefaultLow, DefaultHigh);
    }

    /// <summary>The edit distance allowed for <paramref name="term"/> (its length in code points decides AUTO).</summary>
    public int Distance(string term)
    {
        if (_edits is { } edits)
        {
            return edits;
        }

        var length = term.EnumerateRunes().Count();
        return length < _low ? 0 : length < _high ? 1 : 2;
    }
}
