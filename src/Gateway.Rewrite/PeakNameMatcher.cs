using System.Globalization;

namespace Gateway.Rewrite;

/// <summary>
/// Finds the catalog peak a text query names. Both sides are compared after <see cref="PeakNameNormalizer"/>
/// (case, accents, width, punctuation and symbols). The whole text equal to a name is the strongest match.
/// Otherwise the longest name that occurs in the text as a whole word or phrase wins (ties: the earliest, then
/// ordinal order): each end of the occurrence must be the text's edge, a character that is not a letter or digit,
/// or a character of another script class. The script classes are Han, Hiragana, Katakana and everything else, so
/// "ama dablam at sunrise" matches "ama dablam" but "amadablamx" does not, and in Japanese, which has no spaces,
/// "アマダブラムの朝" matches "アマダブラム" (Katakana followed by Hiragana) while "赤岳山頂" does not match "赤岳"
/// (one Han run). Names of one character only match the whole text. A name of several words also matches written
/// as one ("lhotseshar", "#amadablam", アマダブラム for アマ・ダブラム), unless another peak has that as a name.
/// </summary>
/// <typeparam name="TPeak">What names map to.</typeparam>
public sealed class PeakNameMatcher<TPeak>
{
    private readonly Dictionary<string, TPeak> _byName;
    private readonly KeyValuePair<string, TPeak>[] _phrases;

    /// <summary>Indexes <paramref name="names"/> (raw names; normalised here). The first peak given a name keeps it.</summary>
    public PeakNameMatcher(IEnumerable<(string Name, TPeak Peak)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _byName = new Dictionary<string, TPeak>(StringComparer.Ordinal);
        var spaced = new List<(string Key, TPeak Peak)>();
        foreach (var (name, peak) in names)
        {
            var key = PeakNameNormalizer.Normalize(name);
            if (key.Length > 0)
            {
                _byName.TryAdd(key, peak);
            }

            if (key.Contains(' ', StringComparison.Ordinal))
            {
                spaced.Add((key, peak));
            }
        }

        // A name of several words is also written as one: Japanese and Chinese have no spaces (アマダブラム), and
        // hashtags and file names drop them (amadablam). These forms go in after every real name, so they never
        // take a name that another peak really has.
        foreach (var (key, peak) in spaced)
        {
            _byName.TryAdd(key.Replace(" ", "", StringComparison.Ordinal), peak);
        }

        // Longest first, so the first occurrence found while scanning in this order is the answer.
        _phrases = [.. _byName.Where(p => p.Key.Length > 1).OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>The peak <paramref name="text"/> names, or null.</summary>
    public PeakNameMatch<TPeak>? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = PeakNameNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (_byName.TryGetValue(normalized, out var whole))
        {
            return new PeakNameMatch<TPeak>(whole, normalized, IsWholeText: true);
        }

        PeakNameMatch<TPeak>? best = null;
        var bestAt = int.MaxValue;
        foreach (var (name, peak) in _phrases)
        {
            if (best is not null && name.Length < best.Name.Length)
            {
                break;
            }

            var at = FirstWholeWordOccurrence(normalized, name);
            if (at >= 0 && at < bestAt)
            {
                best = new PeakNameMatch<TPeak>(peak, name, IsWholeText: false);
                bestAt = at;
            }
        }

        return best;
    }

    /// <summary>The first index where <paramref name="name"/> occurs in <paramref name="text"/> with a boundary at both ends, or -1.</summary>
    internal static int FirstWholeWordOccurrence(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || IsBoundary(text[at - 1], name[0])) && (end == text.Length || IsBoundary(text[end], name[^1])))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsBoundary(char neighbour, char edge) =>
        !IsWordCharacter(neighbour) || ScriptOf(neighbour) != ScriptOf(edge);

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static Script ScriptOf(char c) => c switch
    {
        >= '\u3040' and <= '\u309F' => Script.Hiragana,
        >= '\u30A0' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' => Script.Katakana,
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3005' => Script.Han,
        _ => Script.Other,
    };

    private enum Script
    {
        Other,
        Han,
        Hiragana,
        Katakana,
    }
}
