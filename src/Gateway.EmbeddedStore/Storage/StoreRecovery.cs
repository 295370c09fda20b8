using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>Applies a sequence of records during start-up.</summary>
internal static class StoreRecovery
{
    public static void ApplyAll(IndexCatalog catalog, IEnumerable<LogRecord> records)
    {
        foreach (var record in records)
        {
            if (catalog.FindByUuid(record.IndexUuid) is { } index)
            {
                lock (index.WriteLock)
                {
                    ApplyOne(catalog, record);
                }
            }
            else
            {
                ApplyOne(catalog, record);
            }
        }
    }

    private static void ApplyOne(IndexCatalog catalog, LogRecord record)
    {
        try
        {
            Recovery.Apply(catalog, record);
        }
        catch (StoreException)
        {
            // A record that no longer parses (it was valid when logged) is skipped rather than
            // blocking start-up; it cannot happen unless the mapping code changed between versions.
        }
    }
}
