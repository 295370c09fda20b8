using System.Globalization;
using System.Text;

namespace Gateway.Peaks;

/// <summary>
/// Maps a text that names a catalog peak (any alias, any language; case, accents and spacing ignored) to the
/// peak's id. Names are compared after <see cref="Normalize"/>: NFKD, combining marks stripped, case folded,
/// punctuation and whitespace runs collapsed to one space.
/// </summary>
public sealed class PeakNameMatcher
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Id)> _longestFirst;

    /// <summary>Indexes every name of every peak; a name shared by two peaks belongs to the first (catalog order).</summary>
    public PeakNameMatcher(IEnumerable<Peak> peaks)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        foreach (var peak in peaks)
        {
            foreach (var name in peak.AllNames.Append(peak.Id.Replace('-', ' ')))
            {
                var key = Normalize(name);
                if (key.Length > 0)
                {
                    // The compact form lets "アマダブラム" find "アマ・ダブラム" and "amadablam" find "Ama Dablam".
                    _byName.TryAdd(key, peak.Id);
                    _byName.TryAdd(Compact(key), peak.Id);
                }
            }
        }

        _longestFirst = _byName.Select(kv => (kv.Key, kv.Value)).OrderByDescending(p => p.Key.Length).ToList();
    }

    /// <summary>The id of the peak that <paramref name="text"/> names exactly (after normalisation), if any.</summary>
    public bool TryMatch(string? text, out string peakId)
    {
        peakId = "";
        if (text is null)
        {
            return false;
        }

        var key = Normalize(text);
        return _byName.TryGetValue(key, out peakId!) || _byName.TryGetValue(Compact(key), out peakId!);
    }

    /// <summary>
    /// The id of the longest catalog name mentioned inside <paramref name="text"/> ("ama dablam at sunrise" → ama-dablam),
    /// on word boundaries for spaced scripts; null when none is mentioned.
    /// </summary>
    public string? FindMention(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = Normalize(text);
        var padded = " " + normalized + " ";
        var compact = Compact(normalized);
        foreach (var (name, id) in _longestFirst)
        {
            // Latin names must stand as whole words; names in scripts written without spaces may sit anywhere.
            var found = name.Any(char.IsAsciiLetter)
                ? padded.Contains(" " + name + " ", StringComparison.Ordinal)
                : !name.Contains(' ', StringComparison.Ordinal) && compact.Contains(name, StringComparison.Ordinal);
            if (found)
            {
                return id;
            }
        }

        return null;
    }

    private static string Compact(string normalized) => normalized.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>NFKD, combining marks removed, lower-cased (invariant), punctuation and whitespace collapsed to single spaces.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
