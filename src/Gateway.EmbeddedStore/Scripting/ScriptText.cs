using System.Globalization;
using System.Text;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>Java's <c>toString</c> of the subset's values: <c>Double.toString</c> (<c>1.0</c>, <c>1.0E10</c>), lists as <c>[a, b]</c>, maps as <c>{k=v}</c>.</summary>
internal static class ScriptText
{
    public static string Of(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Double(d),
        float f => Float(f),
        char c => c.ToString(),
        ScriptList list => "[" + string.Join(", ", list.Select(Of)) + "]",
        ScriptMap map => "{" + string.Join(", ", map.Select(e => Of(e.Key) + "=" + Of(e.Value))) + "}",
        _ => value.ToString() ?? "",
    };

    /// <summary>Java's <c>Double.toString</c>: the shortest digits that round-trip, plain between 10^-3 and 10^7, else <c>d.dddE±n</c>.</summary>
    public static string Double(double d) => Java(d, d.ToString("R", CultureInfo.InvariantCulture));

    public static string Float(float f) => Java(f, f.ToString("R", CultureInfo.InvariantCulture));

    private static string Java(double d, string shortest)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        // Split .NET's shortest form into sign, digits and the decimal exponent of the first digit.
        var negative = shortest.StartsWith('-');
        var text = negative ? shortest[1..] : shortest;
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.');
        var integerDigits = point < 0 ? text.Length : point;
        var digits = text.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var scientific = exponent + integerDigits - leadingZeros - 1;
        var result = new StringBuilder(negative ? "-" : "");
        var magnitude = Math.Abs(d);
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            if (scientific >= 0)
            {
                var whole = digits.Length > scientific + 1 ? digits[..(scientific + 1)] : digits.PadRight(scientific + 1, '0');
                var fraction = digits.Length > scientific + 1 ? digits[(scientific + 1)..] : "0";
                result.Append(whole).Append('.').Append(fraction);
            }
            else
            {
                result.Append("0.").Append('0', -scientific - 1).Append(digits);
            }
        }
        else
        {
            result.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0").Append('E').Append(scientific.ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }
}
