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
}
