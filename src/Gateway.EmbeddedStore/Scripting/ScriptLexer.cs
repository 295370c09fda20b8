using System.Globalization;
using System.Text;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Splits Painless source into tokens: identifiers, numeric literals (int, long <c>L</c>, float <c>F</c>, double
/// <c>D</c>, hex and octal), strings in single or double quotes with Java escapes, and the operators of the subset.
/// Comments are skipped. Anything else is a compile error.
/// </summary>
internal static class ScriptLexer
{
    // Longest first, so that ">>>=" wins over ">>" and "=".
    private static readonly string[] Symbols =
    [
        ">>>=", "===", "!==", ">>>", "<<=", ">>=", "==~",
        "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
        "?.", "?:", "->", "::", "=~",
        "+", "-", "*", "/", "%", "=", "<", ">", "!", "~", "&", "|", "^", "?", ":", ";", ",", ".", "(", ")", "[", "]", "{", "}",
    ];

    public static List<ScriptToken> Tokenize(string source)
    {
        var tokens = new List<ScriptToken>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
                continue;
            }

            if (char.IsLetter(c) || c == '_' || c == '$')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_' || source[i] == '$'))
                {
                    i++;
                }

                tokens.Add(new ScriptToken(TokenKind.Identifier, source[start..i], null, start));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                tokens.Add(Number(source, ref i));
                continue;
            }

            if (c is '"' or '\'')
            {
                tokens.Add(Text(source, ref i));
                continue;
            }

            var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(source, i, s, 0, s.Length) == 0)
                ?? throw ScriptException.Compile("unexpected character [" + c + "].", i);
            tokens.Add(new ScriptToken(TokenKind.Symbol, symbol, null, i));
            i += symbol.Length;
        }

        tokens.Add(new ScriptToken(TokenKind.End, "<EOF>", null, source.Length));
        return tokens;
    }

    private static ScriptToken Number(string source, ref int i)
    {
        var start = i;
        if (source[i] == '0' && i + 1 < source.Length && source[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < source.Length && char.IsAsciiHexDigit(source[i]))
            {
                i++;
            }

            var hex = source[(start + 2)..i];
            var isLong = i < source.Length && source[i] is 'l' or 'L';
            i += isLong ? 1 : 0;
            var value = ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return new ScriptToken(TokenKind.Number, source[start..i], isLong ? (object)(long)value : (int)(uint)value, start);
        }

        var isDecimal = false;
        while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '.'
            || (source[i] is 'e' or 'E' && i + 1 < source.Length && (char.IsAsciiDigit(source[i + 1]) || source[i + 1] is '-' or '+'))))
        {
            if (source[i] == '.' && (i + 1 >= source.Length || !char.IsAsciiDigit(source[i + 1])))
            {
                // "1." is a double in Java, but "list.size" after a number never occurs; keep "1.0"-style literals only.
                break;
            }

            isDecimal |= source[i] is '.' or 'e' or 'E';
            i += source[i] is 'e' or 'E' && source[i + 1] is '-' or '+' ? 2 : 1;
        }

        var digits = source[start..i];
        var suffix = i < source.Length ? char.ToLowerInvariant(source[i]) : '\0';
        object value1;
        switch (suffix)
        {
            case 'l' when !isDecimal:
                i++;
                value1 = long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                    ? l : throw ScriptException.Compile("Invalid long constant [" + digits + "].", start);
                break;
            case 'f':
                i++;
                value1 = float.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
                break;
            case 'd':
                i++;
                value1 = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
                break;
            default:
                if (isDecimal)
                {
                    value1 = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
                else if (digits.Length > 1 && digits[0] == '0')
                {
                    value1 = Convert.ToInt32(digits, 8);
                }
                else
                {
                    value1 = int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                        ? n : throw ScriptException.Compile("Invalid int constant [" + digits + "]. If this is meant to be a long, add the [L] suffix.", start);
                }

                break;
        }

        return new ScriptToken(TokenKind.Number, source[start..i], value1, start);
    }

    private static ScriptToken Text(string source, ref int i)
    {
        var start = i;
        var quote = source[i++];
        var text = new StringBuilder();
        while (true)
        {
            if (i >= source.Length)
            {
                throw ScriptException.Compile("unterminated string literal.", start);
            }

            var c = source[i++];
            if (c == quote)
            {
                break;
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (i >= source.Length)
            {
                throw ScriptException.Compile("unterminated string literal.", start);
            }

            var escaped = source[i++];
            text.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '0' => '\0',
                '\\' or '"' or '\'' => escaped,
                _ => throw ScriptException.Compile("unexpected character [\\" + escaped + "] in a string literal.", i - 2),
            });
        }

        return new ScriptToken(TokenKind.String, source[start..i], text.ToString(), start);
    }
}
