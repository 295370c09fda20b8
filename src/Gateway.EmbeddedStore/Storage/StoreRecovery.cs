using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// Applies a sequence of records during start-up. Parsing the documents is most of the work, so the
/// records go in chunks whose document sources are parsed ahead on every core against their index's
/// mapping of the moment; then the chunk is applied in the log's order, and a document whose mapping
/// changed in between (or that adds fields, or failed) is parsed again at its turn, as when it was
/// written.
/// </summary>
internal static class StoreRecovery
{
    private const int ChunkSize = 4096;

    public static void ApplyAll(IndexCatalog catalog, IEnumerable<LogRecord> records)
    {
        foreach (var chunk in records.Chunk(ChunkSize))
        {
            var ahead = new Prepared?[chunk.Length];
            Parallel.For(0, chunk.Length, i => ahead[i] = Prepare(catalog, chunk[i]));
            for (var i = 0; i < chunk.Length; i++)
            {
                var record = chunk[i];
                if (catalog.FindByUuid(record.IndexUuid) is { } index)
                {
                    lock (index.WriteLock)
                    {
                        if (ahead[i] is { } prepared && ReferenceEquals(prepared.Mapping, index.Mapping))
                        {
                            Recovery.ApplyParsed(index, record, prepared.Source, prepared.Result);
                        }
                        else
                        {
                            ApplyOne(catalog, record);
                        }
                    }
                }
                else
                {
                    ApplyOne(catalog, record);
                }
            }
        }
    }

    private static Prepared? Prepare(IndexCatalog catalog, LogRecord record)
    {
        if (record.Op is not LogOp.IndexDoc || catalog.FindByUuid(record.IndexUuid) is not { } index)
        {
            return null;
        }

        var mapping = index.Mapping;
        var source = Documents.SourceBuffers.Copy(record.Source.Span);
        try
        {
            var result = Recovery.Parse(record, source, mapping);
            return result.NewMapping is null ? new Prepared(mapping, source, result) : null;
        }
        catch (StoreException)
        {
            return null;
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

    private sealed record Prepared(Mapping.MappingState Mapping, byte[] Source, Documents.DocumentParser.Result Result);
}
