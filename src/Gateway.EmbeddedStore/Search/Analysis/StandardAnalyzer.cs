using System.Globalization;

namespace Gateway.EmbeddedStore.Search.Analysis;

/// <summary>
/// An approximation of Elasticsearch's <c>standard</c> analyzer: Unicode (UAX #29-like) word
/// breaks and lower-casing, max token length 255. Runs of Katakana (with the prolonged sound
/// mark) form one token, as in UAX #29; Han ideographs and Hiragana become one token per
/// character, as Lucene's StandardTokenizer emits them. Letters joined by an apostrophe or a
/// full stop stay one token (<c>don't</c>, <c>u.s.a</c>), digits joined by <c>.</c> or <c>,</c> too.
/// </summary>
internal static class StandardAnalyzer
{
    private const int MaxTokenLength = 255;

    public static List<string> Analyze(string text, string analyzer = "standard")
    {
        return analyzer switch
        {
            "keyword" => [text],
            "whitespace" => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList(),
            "simple" => SimpleTokens(text),
            _ => Tokenize(text),
        };
    }

    private static List<string> SimpleTokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var kind = Classify(text, i);
            if (kind == CharKind.Other)
            {
                i += CharLength(text, i);
                continue;
            }

            if (kind is CharKind.Ideographic or CharKind.Hiragana)
            {
                var len = CharLength(text, i);
                tokens.Add(text.Substring(i, len));
                i += len;
                continue;
            }

            var start = i;
            var prev = kind;
            i += CharLength(text, i);
            while (i < text.Length)
            {
                var k = Classify(text, i);
                if (k == prev || (k is CharKind.Letter or CharKind.Digit && prev is CharKind.Letter or CharKind.Digit) || (k == CharKind.Mark && prev != CharKind.Katakana))
                {
                    i += CharLength(text, i);
                    continue;
                }

                if (k == CharKind.Katakana && prev == CharKind.Katakana)
                {
                    i += CharLength(text, i);
                    continue;
                }

                // Mid-word punctuation joins when the same class continues after it.
                if (i + 1 < text.Length && IsMid(text[i], prev) && Classify(text, i + 1) == prev && prev is CharKind.Letter or CharKind.Digit)
                {
                    i += 1 + CharLength(text, i + 1);
                    continue;
                }

                break;
            }

            var token = text[start..i];
            if (token.Length <= MaxTokenLength)
            {
                tokens.Add(token.ToLowerInvariant());
            }
        }

        return tokens;
    }

    private static bool IsMid(char c, CharKind prev) => prev switch
    {
        CharKind.Letter => c is '\'' or '’' or '.' or ':' or '·',
        CharKind.Digit => c is '.' or ',' or ';' or '\'',
        _ => false,
    };

    private static int CharLength(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;

    private static CharKind Classify(string text, int i)
    {
        var cp = CodePoints.At(text, i);
        if (cp is >= 0x30A0 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F)
        {
            return cp == 0x30FB ? CharKind.Other : CharKind.Katakana;
        }

        if (cp is >= 0x3040 and <= 0x309F)
        {
            return CharKind.Hiragana;
        }

        if (cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2FFFF or >= 0xF900 and <= 0xFAFF or 0x3005 or 0x3007)
        {
            return CharKind.Ideographic;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.ConnectorPunctuation => CharKind.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharKind.Digit,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format => CharKind.Mark,
            _ => CharKind.Other,
        };
    }

    private enum CharKind
    {
        Other,
        Letter,
        Digit,
        Mark,
        Katakana,
        Hiragana,
        Ideographic,
    }
}
