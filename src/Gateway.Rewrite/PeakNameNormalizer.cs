using System.Globalization;
using System.Text;

namespace Gateway.Rewrite;

/// <summary>
/// Normalises peak names and queries so that any spelling of an alias matches: Unicode NFKD (which also
/// folds full-width and compatibility forms), combining marks on Latin, Greek and Cyrillic letters
/// stripped (accents; marks of other scripts such as Japanese dakuten carry meaning and are kept,
/// then recomposed with NFC), case folded
/// (invariant), hyphens, underscores, dots and apostrophes treated as spaces, runs of spaces collapsed.
/// </summary>
public static class PeakNameNormalizer
{
    /// <summary>The normalised form; empty for text made only of marks and separators.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        var lastBase = '\0';
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                if (lastBase < '\u0530')
                {
                    continue;
                }

                builder.Append(c);
                continue;
            }

            lastBase = c;

            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '\'' or '’' or '‐' or '–' or '—' or '・' or '·')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // Upper then lower: a simple case fold that also maps e.g. 'ſ' and Greek final sigma consistently.
            builder.Append(char.ToLowerInvariant(char.ToUpperInvariant(c)));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
