using Gateway.EmbeddedStore.Documents;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Reads a field's geo points.</summary>
internal static class FieldPoints
{
    /// <summary>Whether any of the field's geo points matches, without allocating (geo filters call this once per document).</summary>
    public static bool Any(FieldValues? values, Func<GeoPoint, bool> match)
    {
        if (values?.Points is { } points)
        {
            for (var i = 0; i < points.Count; i++)
            {
                if (match(points[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
