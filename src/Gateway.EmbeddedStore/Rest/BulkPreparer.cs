using System.Collections.Concurrent;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// Parses the sources of a bulk request's index and create items ahead of their writes, on every
/// core when the request is large. Only parsing runs in parallel: versions, sequence numbers,
/// the translog and the answers still follow the items' order, and an item whose index or
/// mapping changed before its turn (an earlier item of the same request) is parsed again then.
/// </summary>
internal static class BulkPreparer
{
    // Below this many documents the hand-off to other threads costs more than it saves.
    private const int ParallelMinimum = 16;

    /// <param name="store">The store whose indices the items name.</param>
    /// <param name="items">The items: action, target index name and document id (generated ids included).</param>
    /// <param name="sources">Each item's source line.</param>
    public static PreparedSource?[] Prepare(EmbeddedStore store, IReadOnlyList<(string Action, string Index, string? Id)> items, IReadOnlyList<ReadOnlyMemory<byte>> sources)
    {
        var prepared = new PreparedSource?[items.Count];
        var targets = new Dictionary<string, IndexState?>(StringComparer.Ordinal);
        var work = new List<(int Item, IndexState Index)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (action, name, id) = items[i];
            if (action is not ("index" or "create") || id is null)
            {
                continue;
            }

            if (!targets.TryGetValue(name, out var index))
            {
                index = Resolve(store, name);
                targets[name] = index;
            }

            if (index is not null)
            {
                work.Add((i, index));
            }
        }

        void PrepareOne(int w)
        {
            var (item, index) = work[w];
            prepared[item] = Parse(index, items[item].Id!, sources[item]);
        }

        if (work.Count >= ParallelMinimum && Environment.ProcessorCount > 1)
        {
            var chunk = Math.Max(4, work.Count / (4 * Environment.ProcessorCount));
            Parallel.ForEach(Partitioner.Create(0, work.Count, chunk), range =>
            {
                for (var w = range.Item1; w < range.Item2; w++)
                {
                    PrepareOne(w);
                }
            });
        }
        else
        {
            for (var w = 0; w < work.Count; w++)
            {
                PrepareOne(w);
            }
        }

        return prepared;
    }

    // A target that does not resolve (yet) is parsed at its turn, where its error is reported.
    private static IndexState? Resolve(EmbeddedStore store, string name)
    {
        try
        {
            return IndexResolver.ResolveWrite(store.Catalog, name);
        }
        catch (StoreException)
        {
            return null;
        }
    }

    private static PreparedSource Parse(IndexState index, string id, ReadOnlyMemory<byte> line)
    {
        var mapping = index.Mapping;
        var source = SourceBuffers.Copy(line.Span);
        try
        {
            return new PreparedSource { Index = index, Mapping = mapping, Source = source, Result = DocumentParser.Parse(id, source, mapping, 0, 0, 0) };
        }
        catch (StoreException e)
        {
            return new PreparedSource { Index = index, Mapping = mapping, Source = source, Error = e };
        }
    }
}
