using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// Field aliases (<c>{"type": "alias", "path": "target"}</c>), validated as Elasticsearch's <c>FieldAliasMapper</c>
/// validates them. An alias is not a field of its own: <see cref="IndexMapping.Find"/> resolves it to its target, so
/// queries, aggregations, sorting, collapsing and <c>fields</c> by alias read the target's values; documents cannot
/// write to it (<c>Cannot write to a field alias [a].</c>).
/// </summary>
internal static class FieldAliases
{
    /// <summary>The target of an alias definition; null when the definition is not an alias.</summary>
    public static string? Target(JsonObject definition) =>
        definition["type"]?.GetValueKind() == JsonValueKind.String && definition["type"]!.GetValue<string>() == "alias"
            ? definition["path"]?.ToString()
            : null;

    /// <summary>Checks the parameters of one alias definition (<c>path</c>, required, is its only parameter).</summary>
    public static void Normalize(string name, JsonObject definition)
    {
        if (definition["path"] is not JsonValue path || path.GetValueKind() != JsonValueKind.String)
        {
            throw MappingErrors.MapperParsing("The [path] property must be specified for field [" + name + "].");
        }

        var unknown = definition.Where(p => p.Key is not ("type" or "path")).ToList();
        if (unknown.Count > 0)
        {
            throw MappingErrors.MapperParsing("Mapping definition for [" + name + "] has unsupported parameters: "
                + string.Concat(unknown.Select(p => " [" + p.Key + " : " + p.Value?.ToString() + "]")));
        }
    }

    /// <summary>Checks every alias against the whole mapping: an existing, non-alias, non-object target in the same nested scope.</summary>
    public static void Validate(IReadOnlyDictionary<string, string> aliases, IReadOnlyList<FieldMapping> fields)
    {
        if (aliases.Count == 0)
        {
            return;
        }

        var byPath = fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var (alias, target) in aliases)
        {
            var prefix = "Invalid [path] value [" + target + "] for field alias [" + alias + "]: ";
            if (target == alias)
            {
                throw MappingErrors.MapperParsing(prefix + "an alias cannot refer to itself.");
            }

            if (aliases.ContainsKey(target))
            {
                throw MappingErrors.MapperParsing(prefix + "an alias cannot refer to another alias.");
            }

            if (!byPath.TryGetValue(target, out var field) || field.Kind == FieldKind.Object)
            {
                throw MappingErrors.MapperParsing(prefix + "an alias must refer to an existing field in the mappings.");
            }

            var (aliasScope, targetScope) = (NestedScope(alias, byPath), NestedScope(target, byPath));
            if (aliasScope != targetScope)
            {
                throw MappingErrors.MapperParsing(prefix + "an alias must have the same nested scope as its target. "
                    + (aliasScope is null ? "The alias is not nested" : "The alias's nested scope is [" + aliasScope + "]")
                    + ", but " + (targetScope is null ? "the target is not nested." : "the target's nested scope is [" + targetScope + "]."));
            }
        }
    }

    // The path of the nearest nested object above a field, or null.
    private static string? NestedScope(string path, Dictionary<string, FieldMapping> byPath)
    {
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (byPath.TryGetValue(path[..dot], out var parent) && parent.Definition["type"]?.ToString() == "nested")
            {
                return path[..dot];
            }
        }

        return null;
    }
}
