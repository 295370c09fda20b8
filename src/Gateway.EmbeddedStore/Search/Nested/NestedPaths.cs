using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Nested;

/// <summary>Which mapped object paths are <c>nested</c>, and which fields a root document keeps for itself.</summary>
internal static class NestedPaths
{
    /// <summary>Elasticsearch's default of <c>index.mapping.nested_objects.limit</c>.</summary>
    public const int DefaultObjectsLimit = 10_000;

    // A mapping is immutable: its nested paths are worked out once (every document parse asks).
    private static readonly ConditionalWeakTable<IndexMapping, List<string>> Paths = [];

    public static bool IsNested(FieldMapping? field) => field is { Kind: FieldKind.Object } && FieldMappings.TypeName(field) == "nested";

    /// <summary>The nested object paths of <paramref name="mapping"/>, shortest first.</summary>
    public static List<string> All(IndexMapping mapping) =>
        Paths.GetValue(mapping, m => [.. m.Fields.Where(IsNested).Select(f => f.Path).OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)]);

    /// <summary>
    /// Refuses a document holding more nested objects (all paths together) than <c>index.mapping.nested_objects.limit</c>
    /// allows (default 10,000), with Elasticsearch's message.
    /// </summary>
    public static void CheckObjectsLimit(ParsedDocument document, IndexMapping mapping, IReadOnlyDictionary<string, string> settings)
    {
        if (All(mapping).Count == 0)
        {
            return;
        }

        var limit = settings.TryGetValue("index.mapping.nested_objects.limit", out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : DefaultObjectsLimit;
        if (CountObjects(document.Source, "", mapping) > limit)
        {
            var reason = "The number of nested documents has exceeded the allowed limit of [" + limit + "]. This limit can be set by changing the [index.mapping.nested_objects.limit] index level setting.";
            throw new StoreException(400, "document_parsing_exception", reason) { CausedBy = StoreException.IllegalArgument(reason) };
        }
    }

    private static long CountObjects(JsonObject obj, string prefix, IndexMapping mapping)
    {
        long count = 0;
        foreach (var (name, value) in obj)
        {
            var path = prefix + name;
            var nested = IsNested(mapping.Find(path));
            foreach (var item in value is JsonArray array ? Flatten(array) : [value])
            {
                if (item is JsonObject child)
                {
                    count += (nested ? 1 : 0) + CountObjects(child, path + ".", mapping);
                }
            }
        }

        return count;
    }

    /// <summary>The items of <paramref name="array"/>, arrays inside it flattened (as Elasticsearch reads them).</summary>
    public static IEnumerable<JsonNode?> Flatten(JsonArray array) =>
        array.SelectMany(item => item is JsonArray inner ? Flatten(inner) : [item]);

    /// <summary>The closest nested path strictly above <paramref name="path"/>, or null when the root holds it.</summary>
    public static string? Parent(IndexMapping mapping, string path)
    {
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (IsNested(mapping.Find(path[..dot])))
            {
                return path[..dot];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a value at <paramref name="path"/> belongs to the document at level <paramref name="level"/> (null = the
    /// root): no nested object lies between them, or each one between copies its fields up (<c>include_in_parent</c>,
    /// or <c>include_in_root</c> for the root). Elasticsearch indexes a nested object's fields in its hidden document
    /// only, so a query outside <c>nested</c> does not see them.
    /// </summary>
    public static bool BelongsTo(IndexMapping mapping, string path, string? level)
    {
        var nearest = Parent(mapping, path);
        while (nearest is not null && nearest != level)
        {
            var definition = mapping.Find(nearest)!.Definition;
            var includeInRoot = level is null && IsTrue(definition["include_in_root"]);
            if (!includeInRoot && !IsTrue(definition["include_in_parent"]))
            {
                return false;
            }

            nearest = Parent(mapping, nearest);
        }

        return true;
    }

    /// <summary>
    /// The values the root document indexes itself: <paramref name="values"/> without those only nested documents hold.
    /// Those are still converted here, so a bad value in a nested object fails the document as in Elasticsearch; a
    /// vector is converted one object at a time (each object holds one).
    /// </summary>
    public static Dictionary<string, List<JsonElement>> RootValues(string id, Dictionary<string, List<JsonElement>> values, IndexMapping mapping)
    {
        if (All(mapping).Count == 0)
        {
            return values;
        }

        var root = new Dictionary<string, List<JsonElement>>(values.Count, StringComparer.Ordinal);
        var nested = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var (path, list) in values)
        {
            if (BelongsTo(mapping, path, null))
            {
                root[path] = list;
            }
            else if (mapping.Find(path) is { Kind: FieldKind.DenseVector })
            {
                foreach (var vector in list)
                {
                    FieldValueConverter.Convert(id, new Dictionary<string, List<JsonElement>> { [path] = [vector] }, mapping);
                }
            }
            else
            {
                nested[path] = list;
            }
        }

        FieldValueConverter.Convert(id, nested, mapping);
        return root;
    }

    private static bool IsTrue(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && s == "true");
}
