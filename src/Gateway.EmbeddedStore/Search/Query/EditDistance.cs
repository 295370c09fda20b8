namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// Whether a term is within an edit distance of another, as Lucene's <c>FuzzyQuery</c> automaton accepts it:
/// insertions, deletions and substitutions of code points, adjacent transpositions counting one edit when
/// allowed, and the first <c>prefixLength</c> code points unchanged.
/// </summary>
internal static class EditDistance
{
    public static bool Within(string query, string candidate, int maxEdits, int prefixLength, bool transpositions) =>
        Compute(query, candidate, maxEdits, prefixLength, transpositions) >= 0;

    /// <summary>The edits from <paramref name="query"/> to <paramref name="candidate"/>, or -1 when more than allowed.</summary>
    public static int Compute(string query, string candidate, int maxEdits, int prefixLength, bool transpositions)
    {
        var a = query.EnumerateRunes().Select(r => r.Value).ToArray();
        var b = candidate.EnumerateRunes().Select(r => r.Value).ToArray();
        var prefix = Math.Min(prefixLength, a.Length);
        if (b.Length < prefix || !a.AsSpan(0, prefix).SequenceEqual(b.AsSpan(0, prefix)))
        {
            return -1;
        }

        a = a[prefix..];
        b = b[prefix..];
        if (Math.Abs(a.Length - b.Length) > maxEdits)
        {
            return -1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length] <= maxEdits ? d[a.Length, b.Length] : -1;
    }
}
