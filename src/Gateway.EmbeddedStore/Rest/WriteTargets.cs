using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// Finds the index a write or single-document read goes to (auto-creating for writes, like Elasticsearch).
/// A missing index (or one <c>require_alias</c> refuses) is the returned error; an invalid name is refused by
/// <see cref="StoreException"/>.
/// </summary>
internal static class WriteTargets
{
    public static StoreResult<IndexState> ForWrite(EmbeddedStore store, string name, bool requireAlias, out long createPosition)
    {
        createPosition = 0;
        if (IndexResolver.ResolveWrite(store.Catalog, name) is { } existing)
        {
            if (requireAlias && store.Catalog.Find(name) is not null)
            {
                return RequireAlias(name);
            }

            return existing.IsClosed ? StoreError.IndexClosed(existing.Name, existing.Uuid) : existing;
        }

        if (requireAlias)
        {
            return RequireAlias(name);
        }

        if (store.Catalog.Create(name, null).TryGetValue(out var created, out var refused))
        {
            createPosition = created.Position;
            return created.Index;
        }

        // Another writer created it first.
        return refused.Type == "resource_already_exists_exception" && IndexResolver.ResolveWrite(store.Catalog, name) is { } raced
            ? raced
            : refused;
    }

    public static StoreResult<IndexState> ForRead(EmbeddedStore store, string name)
    {
        if (store.Catalog.Find(name) is { } index)
        {
            return index.IsClosed ? StoreError.IndexClosed(index.Name, index.Uuid) : IndexBlocks.ForRead(index) is { } blocked ? blocked : index;
        }

        var holders = store.Catalog.All.Where(i => i.Aliases.ContainsKey(name)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        return holders.Count switch
        {
            0 => StoreError.IndexNotFound(name),
            1 => holders[0].IsClosed ? StoreError.IndexClosed(holders[0].Name, holders[0].Uuid) : holders[0],
            _ => StoreError.IllegalArgument("alias [" + name + "] has more than one index associated with it [" + string.Join(", ", holders.Select(h => h.Name)) + "], can't execute a single index op"),
        };
    }

    public static void ValidateId(string id)
    {
        if (id.Length == 0)
        {
            throw StoreException.IllegalArgument("if _id is specified it must not be empty");
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(id);
        if (bytes > 512)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: id [" + id + "] is too long, must be no longer than 512 bytes but was: " + bytes + ";");
        }
    }

    private static StoreError RequireAlias(string name) =>
        new(404, "index_not_found_exception", "no such index [" + name + "] and [require_alias] request flag is [true] and [" + name + "] is not an alias", name)
        {
            Metadata = { ["resource.type"] = "index_expression", ["resource.id"] = name },
        };
}
