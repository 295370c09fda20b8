using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// The <c>index.mapping.*</c> settings of the mapping itself, validated and enforced as Elasticsearch's
/// <c>MapperService</c> and <c>MappingLookup</c> do: <c>ignore_above</c> and <c>ignore_malformed</c> (field defaults,
/// <see cref="MappingDefaults"/>), and the limits <c>total_fields.limit</c> (1000: field, object, multi-field and alias
/// entries; metadata fields do not count), <c>depth.limit</c> (20: an object at <c>a.b</c> is depth 3),
/// <c>nested_fields.limit</c> (50 nested mappings) and <c>field_name_length.limit</c> (unlimited; a field's own name).
/// A mapping change or a document's dynamic fields that pass a limit are refused.
/// </summary>
internal static class MappingSettings
{
    public const string IgnoreAbove = "index.mapping.ignore_above";
    public const string IgnoreMalformed = "index.mapping.ignore_malformed";
    public const string TotalFields = "index.mapping.total_fields.limit";
    public const string IgnoreDynamicBeyondLimit = "index.mapping.total_fields.ignore_dynamic_beyond_limit";
    public const string Depth = "index.mapping.depth.limit";
    public const string NestedFields = "index.mapping.nested_fields.limit";
    public const string FieldNameLength = "index.mapping.field_name_length.limit";

    private static readonly string[] Final = [IgnoreAbove, IgnoreMalformed];

    /// <summary>Refuses values Elasticsearch's setting parsers refuse (and the one option the store does not implement).</summary>
    public static void Validate(IReadOnlyDictionary<string, string> settings)
    {
        Long(settings, IgnoreAbove, 0);
        Long(settings, TotalFields, 0);
        Long(settings, Depth, 1);
        Long(settings, NestedFields, 0);
        Long(settings, FieldNameLength, 1);
        Bool(settings, IgnoreMalformed);
        if (Bool(settings, IgnoreDynamicBeyondLimit) == true)
        {
            throw StoreException.IllegalArgument("[" + IgnoreDynamicBeyondLimit + "] is not supported by the embedded store (dynamic fields past the limit fail the document)");
        }
    }

    /// <summary>Refuses a settings update of a final mapping setting, as Elasticsearch does for an open index.</summary>
    public static void ValidateUpdate(IEnumerable<string> keys, IEnumerable<(string Name, string Uuid)> indices)
    {
        var fixedKeys = keys.Where(k => Final.Contains(k)).ToList();
        if (fixedKeys.Count > 0)
        {
            throw StoreException.IllegalArgument("Can't update non dynamic settings [[" + string.Join(", ", fixedKeys) + "]] for open indices ["
                + string.Join(", ", indices.Select(i => "[" + i.Name + "/" + i.Uuid + "]")) + "]");
        }
    }

    /// <summary>Refuses a mapping that passes a limit (index creation, mapping updates): <c>illegal_argument_exception</c>.</summary>
    public static void CheckLimits(MappingState mapping, IReadOnlyDictionary<string, string> settings) =>
        CheckLimits(mapping, settings, added: 0);

    /// <summary>
    /// Refuses dynamic fields that take a document's mapping past a limit: <c>document_parsing_exception</c> with the
    /// limit's message, as Elasticsearch's document parser answers.
    /// </summary>
    public static void CheckDynamic(MappingState before, MappingState after, IReadOnlyDictionary<string, string> settings)
    {
        try
        {
            CheckLimits(after, settings, Count(after.Root) - Count(before.Root));
        }
        catch (StoreException e)
        {
            throw new StoreException(400, "document_parsing_exception", "failed to parse: " + e.Message) { CausedBy = e };
        }
    }

    private static void CheckLimits(MappingState mapping, IReadOnlyDictionary<string, string> settings, int added)
    {
        var total = Limit(settings, TotalFields, 1000);
        if (Count(mapping.Root) > total)
        {
            throw StoreException.IllegalArgument("Limit of total fields [" + total + "] has been exceeded" + (added > 0 ? " while adding new fields [" + added + "]" : ""));
        }

        var depth = Limit(settings, Depth, 20);
        var nested = Limit(settings, NestedFields, 50);
        var nameLength = Limit(settings, FieldNameLength, long.MaxValue);
        var nestedCount = 0;
        Walk(mapping.Root, "", (path, name, definition) =>
        {
            if (name.Length > nameLength)
            {
                throw StoreException.IllegalArgument("Field name [" + name + "] is longer than the limit of [" + nameLength + "] characters");
            }

            var type = definition["type"]?.ToString();
            if (type is null or "object" or "nested" && path.Count(c => c == '.') + 2 > depth)
            {
                throw StoreException.IllegalArgument("Limit of mapping depth [" + depth + "] has been exceeded due to object field [" + path + "]");
            }

            if (type == "nested" && ++nestedCount > nested)
            {
                throw StoreException.IllegalArgument("Limit of nested fields [" + nested + "] has been exceeded");
            }
        });
    }

    /// <summary>The mapping's field count as Elasticsearch counts it against <c>total_fields.limit</c>.</summary>
    public static int Count(JsonObject root)
    {
        var count = 0;
        Walk(root, "", (_, _, _) => count++);
        return count;
    }

    // Visits every object, field and multi-field entry (full path, own name, definition).
    private static void Walk(JsonObject node, string prefix, Action<string, string, JsonObject> visit)
    {
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject definition)
                {
                    visit(prefix + name, name, definition);
                    Walk(definition, prefix + name + ".", visit);
                }
            }
        }

        if (node["fields"] is JsonObject fields)
        {
            foreach (var (name, child) in fields)
            {
                if (child is JsonObject definition)
                {
                    visit(prefix + name, name, definition);
                }
            }
        }
    }

    private static long Limit(IReadOnlyDictionary<string, string> settings, string key, long fallback) =>
        settings.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static void Long(IReadOnlyDictionary<string, string> settings, string key, long min)
    {
        if (!settings.TryGetValue(key, out var text))
        {
            return;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw StoreException.IllegalArgument("Failed to parse value [" + text + "] for setting [" + key + "]");
        }

        if (value < min)
        {
            throw StoreException.IllegalArgument("Failed to parse value [" + text + "] for setting [" + key + "] must be >= " + min);
        }
    }

    private static bool? Bool(IReadOnlyDictionary<string, string> settings, string key) =>
        !settings.TryGetValue(key, out var text) ? null
        : text switch
        {
            "true" => true,
            "false" => false,
            _ => throw StoreException.IllegalArgument("Failed to parse value [" + text + "] as only [true] or [false] are allowed."),
        };
}
