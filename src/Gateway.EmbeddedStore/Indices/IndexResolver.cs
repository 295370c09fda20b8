using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// Resolves index expressions (comma lists, <c>*</c> wildcards, <c>-</c> exclusions, <c>_all</c>,
/// aliases) to concrete indices, with Elasticsearch's <c>ignore_unavailable</c> and
/// <c>allow_no_indices</c> behaviour. An expression naming no index (when that is not allowed) is the
/// returned <see cref="StoreError"/> (<c>index_not_found_exception</c>), as is an alias where only
/// concrete indices are accepted.
/// </summary>
internal static class IndexResolver
{
    /// <summary>A resolved index and the alias filter that applies when it was reached only through filtered aliases.</summary>
    public readonly record struct Resolved(IndexState Index, JsonObject? AliasFilter);

    public static StoreResult<List<Resolved>> Resolve(IndexCatalog catalog, string? expression, bool ignoreUnavailable, bool allowNoIndices, bool ignoreAliases = false,
        WildcardStates expand = WildcardStates.Open)
    {
        var result = new Dictionary<string, (IndexState Index, List<JsonObject>? Filters)>(StringComparer.Ordinal);
        var parts = string.IsNullOrEmpty(expression) ? ["_all"] : expression.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var all = catalog.All.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        var first = true;
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            if (part.StartsWith('-') && !first)
            {
                var pattern = part[1..];
                foreach (var name in result.Keys.Where(n => IndexNames.Matches(pattern, n)).ToList())
                {
                    result.Remove(name);
                }

                continue;
            }

            first = false;
            if (part is "_all" or "*")
            {
                foreach (var index in all.Where(i => !i.Name.StartsWith('.') && expand.Reaches(i)))
                {
                    result[index.Name] = (index, null);
                }

                continue;
            }

            var matched = false;
            foreach (var index in all)
            {
                if (IndexNames.IsWildcard(part) && !expand.Reaches(index))
                {
                    continue;
                }

                if (IndexNames.Matches(part, index.Name) && (!IndexNames.IsWildcard(part) || !index.Name.StartsWith('.') || part.StartsWith('.')))
                {
                    result[index.Name] = (index, null);
                    matched = true;
                }

                foreach (var alias in index.Aliases.Values)
                {
                    if (ignoreAliases && !IndexNames.IsWildcard(part) && alias.Name == part && !ignoreUnavailable)
                    {
                        return StoreError.IllegalArgument("The provided expression [" + part + "] matches an alias, specify the corresponding concrete indices instead.");
                    }

                    if (ignoreAliases || !IndexNames.Matches(part, alias.Name))
                    {
                        continue;
                    }

                    matched = true;
                    if (result.TryGetValue(index.Name, out var existing))
                    {
                        if (existing.Filters is not null && alias.Filter is not null)
                        {
                            existing.Filters.Add(alias.Filter);
                        }
                        else
                        {
                            result[index.Name] = (index, null);
                        }
                    }
                    else
                    {
                        result[index.Name] = (index, alias.Filter is null ? null : [alias.Filter]);
                    }
                }
            }

            if (!matched)
            {
                if (IndexNames.IsWildcard(part))
                {
                    // allow_no_indices applies to each wildcard expression, as in Elasticsearch.
                    if (!allowNoIndices)
                    {
                        return StoreError.IndexNotFound(part);
                    }

                    continue;
                }

                if (!ignoreUnavailable)
                {
                    return StoreError.IndexNotFound(part);
                }
            }
        }

        if (result.Count == 0 && !allowNoIndices)
        {
            return StoreError.IndexNotFound(expression ?? "_all");
        }

        return result.Values.Select(v => new Resolved(v.Index, CombineFilters(v.Filters))).ToList();
    }

    /// <summary>The indices <paramref name="expression"/> names, or every index <paramref name="expand"/> reaches when it is null.</summary>
    public static StoreResult<List<IndexState>> ResolveIndices(IndexCatalog catalog, string? expression, bool ignoreUnavailable, bool allowNoIndices,
        WildcardStates expand = WildcardStates.Open, bool forbidClosed = false)
    {
        if (expression is null)
        {
            return catalog.All.Where(i => expand.Reaches(i)).ToList();
        }

        if (!Resolve(catalog, expression, ignoreUnavailable, allowNoIndices, expand: expand).TryGetValue(out var resolved, out var error))
        {
            return error;
        }

        if (forbidClosed)
        {
            if (!ForbidClosed(resolved, ignoreUnavailable).TryGetValue(out var open, out var closed))
            {
                return closed;
            }

            resolved = open;
        }

        return resolved.Select(r => r.Index).Distinct().ToList();
    }

    /// <summary>
    /// Refuses a closed index among <paramref name="resolved"/> (named in full: wildcards did not expand to it) with
    /// Elasticsearch's <c>index_closed_exception</c>, or leaves it out with <c>ignore_unavailable</c>.
    /// </summary>
    public static StoreResult<List<Resolved>> ForbidClosed(List<Resolved> resolved, bool ignoreUnavailable)
    {
        if (ignoreUnavailable)
        {
            return resolved.Where(r => !r.Index.IsClosed).ToList();
        }

        return resolved.FirstOrDefault(r => r.Index.IsClosed) is { Index: not null } closed
            ? StoreError.IndexClosed(closed.Index.Name, closed.Index.Uuid)
            : resolved;
    }

    /// <summary>Resolves the one index a write goes to: an index, or an alias's write index.</summary>
    public static IndexState? ResolveWrite(IndexCatalog catalog, string name)
    {
        if (catalog.Find(name) is { } index)
        {
            return index;
        }

        var holders = catalog.All.Where(i => i.Aliases.ContainsKey(name)).ToList();
        if (holders.Count == 0)
        {
            return null;
        }

        var writeIndex = holders.Where(i => i.Aliases[name].IsWriteIndex == true).ToList();
        if (writeIndex.Count == 1)
        {
            return writeIndex[0];
        }

        if (holders.Count == 1 && holders[0].Aliases[name].IsWriteIndex != false)
        {
            return holders[0];
        }

        throw StoreException.IllegalArgument("no write index is defined for alias [" + name + "]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index");
    }

    private static JsonObject? CombineFilters(List<JsonObject>? filters) => filters switch
    {
        null or [] => null,
        [var single] => (JsonObject)single.DeepClone(),
        _ => new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["should"] = new JsonArray(filters.Select(f => (JsonNode)f.DeepClone()).ToArray()),
                ["minimum_should_match"] = 1,
            },
        },
    };
}
