using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>Parses and applies <c>_aliases</c> actions (add, remove, remove_index) all-or-nothing.</summary>
internal static class AliasActions
{
    public sealed record Action(string Type, IReadOnlyList<string> Indices, IReadOnlyList<string> Aliases, JsonObject Definition, bool? MustExist);

    public static Action Parse(JsonObject wrapper)
    {
        if (wrapper.Count != 1)
        {
            throw StoreException.IllegalArgument("Expected one action but found [" + wrapper.Count + "]");
        }

        var (type, node) = wrapper.First();
        if (type is not ("add" or "remove" or "remove_index"))
        {
            throw StoreException.IllegalArgument("[alias_action] unknown field [" + type + "]");
        }

        var body = node as JsonObject ?? throw StoreException.Parsing("[" + type + "] failed to parse field [" + type + "]");
        var indices = List(body, "index", "indices");
        var aliases = List(body, "alias", "aliases");
        if (indices.Count == 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: One of [index/indices] is required;");
        }

        if (type != "remove_index" && aliases.Count == 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: One of [alias/aliases] is required;");
        }

        var definition = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (key is "filter" or "routing" or "index_routing" or "search_routing" or "is_write_index" or "is_hidden")
            {
                definition[key] = value?.DeepClone();
            }
            else if (key is not ("index" or "indices" or "alias" or "aliases" or "must_exist"))
            {
                throw StoreException.IllegalArgument("[" + type + "] unknown field [" + key + "]");
            }
        }

        bool? mustExist = body["must_exist"]?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        return new Action(type, indices, aliases, definition, mustExist);
    }

    /// <summary>
    /// Validates every action, then applies them; caller holds the metadata lock. A missing index or alias is the
    /// returned error, found before anything is logged or changed.
    /// </summary>
    public static StoreResult<long> Apply(IndexCatalog catalog, IReadOnlyList<Action> actions)
    {
        var changes = new Dictionary<IndexState, Dictionary<string, AliasMetadata>>();
        var removed = new List<IndexState>();
        Dictionary<string, AliasMetadata> Working(IndexState index)
        {
            if (!changes.TryGetValue(index, out var aliases))
            {
                aliases = new Dictionary<string, AliasMetadata>(index.Aliases, StringComparer.Ordinal);
                changes[index] = aliases;
            }

            return aliases;
        }

        foreach (var action in actions)
        {
            if (!IndexResolver.Resolve(catalog, string.Join(",", action.Indices), ignoreUnavailable: false, allowNoIndices: false).TryGetValue(out var resolved, out var missing))
            {
                return missing;
            }

            var targets = resolved.Select(r => r.Index).Where(i => !removed.Contains(i)).ToList();
            switch (action.Type)
            {
                case "add":
                    foreach (var alias in action.Aliases)
                    {
                        if (catalog.Find(alias) is not null && !removed.Any(r => r.Name == alias))
                        {
                            throw new StoreException(400, "invalid_alias_name_exception", "Invalid alias name [" + alias + "]: an index or data stream exists with the same name as the alias", alias);
                        }

                        var metadata = AliasParser.Parse(alias, action.Definition);
                        foreach (var index in targets)
                        {
                            Working(index)[alias] = metadata;
                        }
                    }

                    break;
                case "remove":
                    var any = false;
                    foreach (var index in targets)
                    {
                        var working = Working(index);
                        foreach (var name in working.Keys.Where(k => action.Aliases.Any(p => p == "_all" || IndexNames.Matches(p, k))).ToList())
                        {
                            working.Remove(name);
                            any = true;
                        }
                    }

                    if (!any && action.MustExist != false)
                    {
                        return new StoreError(404, "aliases_not_found_exception", "aliases [" + string.Join(",", action.Aliases) + "] missing")
                        {
                            Metadata = { ["resource.type"] = "aliases", ["resource.id"] = string.Join(",", action.Aliases) },
                        };
                    }

                    break;
                default:
                    removed.AddRange(targets);
                    break;
            }
        }

        CheckWriteIndices(catalog, changes, removed);
        foreach (var index in removed)
        {
            changes.Remove(index);
        }

        var position = changes.Count > 0 ? catalog.SetAliases(changes) : 0;
        if (removed.Count > 0)
        {
            position = Math.Max(position, catalog.Delete(removed));
        }

        return position;
    }

    private static void CheckWriteIndices(IndexCatalog catalog, Dictionary<IndexState, Dictionary<string, AliasMetadata>> changes, List<IndexState> removed)
    {
        var writers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var index in catalog.All.Where(i => !removed.Contains(i)))
        {
            var aliases = changes.TryGetValue(index, out var changed) ? changed : index.Aliases;
            foreach (var alias in aliases.Values.Where(a => a.IsWriteIndex == true))
            {
                if (!writers.TryGetValue(alias.Name, out var list))
                {
                    writers[alias.Name] = list = [];
                }

                list.Add(index.Name);
            }
        }

        foreach (var (alias, list) in writers.Where(w => w.Value.Count > 1))
        {
            throw StoreException.IllegalArgument("alias [" + alias + "] has more than one write index [" + string.Join(",", list.Order(StringComparer.Ordinal)) + "]");
        }
    }

    private static List<string> List(JsonObject body, string single, string plural)
    {
        var result = new List<string>();
        if (body[single] is JsonValue one)
        {
            result.Add(one.GetValue<string>());
        }

        if (body[plural] is JsonArray many)
        {
            result.AddRange(many.Select(n => n!.GetValue<string>()));
        }
        else if (body[plural] is JsonValue manyOne)
        {
            result.Add(manyOne.GetValue<string>());
        }

        return result;
    }
}
