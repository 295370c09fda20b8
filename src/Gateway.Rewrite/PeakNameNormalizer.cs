using System.Globalization;
using System.Text;

namespace Gateway.Rewrite;

/// <summary>
/// Normalises peak names and queries so that any spelling of an alias matches: Unicode NFKD (which also
/// folds full-width and compatibility forms), combining marks on Latin, Greek and Cyrillic letters
/// stripped (accents; marks of other scripts such as Japanese dakuten or Devanagari vowel signs carry
/// meaning and are kept, then recomposed with NFC), case folded (invariant), punctuation and symbols
/// (hyphens, dots, apostrophes, <c>・</c>, the Tibetan tsheg, <c>!</c>, <c>#</c>, brackets, emoji) treated as
/// spaces, runs of spaces collapsed and trimmed.
/// </summary>
public static class PeakNameNormalizer
{
    /// <summary>The normalised form; empty for text made only of marks, punctuation, symbols and spaces.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        var lastBase = 0;

        // By rune, not char, so that symbols outside the BMP (emoji) are recognised as symbols.
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                if (lastBase >= 0x0530)
                {
                    builder.Append(rune);
                }

                continue;
            }

            if (Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune))
            {
                // A mark on a separator (a lone dakuten after a space) has nothing to attach to and is dropped.
                lastBase = 0;
                pendingSpace = builder.Length > 0;
                continue;
            }

            lastBase = rune.Value;

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // Upper then lower: a simple case fold that also maps e.g. 'ſ' and Greek final sigma consistently.
            builder.Append(Rune.ToLowerInvariant(Rune.ToUpperInvariant(rune)));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
