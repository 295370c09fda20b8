using Gateway.EmbeddedStore.Documents;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Reads a field's numeric values (longs, dates, booleans or doubles) as doubles.</summary>
internal static class FieldNumbers
{
    public static IReadOnlyList<double> Of(FieldValues? values)
    {
        if (values?.Longs is { } longs)
        {
            return longs.Select(l => (double)l).ToList();
        }

        return values?.Doubles ?? [];
    }

    /// <summary>
    /// Whether any of the field's numeric values matches, without allocating: filters call this once per document
    /// (a range over 3,000 dates allocated ~40 bytes per document through <see cref="Of"/>).
    /// </summary>
    public static bool Any(FieldValues? values, Func<double, bool> match)
    {
        if (values?.Longs is { } longs)
        {
            for (var i = 0; i < longs.Count; i++)
            {
                if (match(longs[i]))
                {
                    return true;
                }
            }

            return false;
        }

        if (values?.Doubles is { } doubles)
        {
            for (var i = 0; i < doubles.Count; i++)
            {
                if (match(doubles[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
