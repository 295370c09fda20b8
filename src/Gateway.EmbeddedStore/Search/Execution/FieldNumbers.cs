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

    /// <summary>The field's numbers over the snapshot's live documents (built once per snapshot), for range and term filters.</summary>
    public static ValueColumn<double> Column(ShardSnapshot snapshot, string field) =>
        snapshot.GetOrBuild("numbers:" + (field = snapshot.Resolve(field)), s => ValueColumn<double>.Build(s, field, static (values, into) =>
        {
            if (values.Longs is { } longs)
            {
                for (var i = 0; i < longs.Count; i++)
                {
                    into.Add(longs[i]);
                }
            }
            else if (values.Doubles is { } doubles)
            {
                into.AddRange(doubles);
            }
        }));
}
