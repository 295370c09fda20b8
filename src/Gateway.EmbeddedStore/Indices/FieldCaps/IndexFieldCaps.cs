using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Indices.FieldCaps;

/// <summary>
/// The capabilities of one index's fields, as Elasticsearch's <c>FieldCapabilitiesFetcher</c> lists them: every mapped
/// leaf field and the metadata fields whose name matches, through the <c>filters</c> and <c>types</c>, then the objects
/// and nested objects above each listed field (unless <c>-parent</c>), whatever their own names.
/// </summary>
internal static class IndexFieldCaps
{
    // The metadata fields of every index and their capabilities in Elasticsearch 9 (_id is not aggregatable while
    // indices.id_field_data.enabled is false, its default).
    private static readonly IndexFieldCapability[] MetadataFields =
    [
        Metadata("_id", searchable: true, aggregatable: false),
        Metadata("_ignored", searchable: true, aggregatable: true),
        Metadata("_index", searchable: true, aggregatable: true),
        Metadata("_routing", searchable: true, aggregatable: false),
        Metadata("_seq_no", searchable: true, aggregatable: true),
        Metadata("_source", searchable: false, aggregatable: false),
        Metadata("_version", searchable: false, aggregatable: true),
    ];

    public static Dictionary<string, IndexFieldCapability> For(IndexState index, FieldCapsRequest request)
    {
        var mapping = index.Mapping.Compiled;
        var result = new Dictionary<string, IndexFieldCapability>(StringComparer.Ordinal);
        foreach (var metadata in MetadataFields)
        {
            if (request.Matches(metadata.Name) && Passes(metadata, isMultiField: false, underNested: false, request))
            {
                result[metadata.Name] = metadata;
            }
        }

        var empty = request.IncludeEmptyFields ? null : EmptyFields(index, mapping);
        foreach (var field in mapping.Fields.Where(f => f.Kind != FieldKind.Object).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (!request.Matches(field.Path) || empty?.Contains(field.Path) == true)
            {
                continue;
            }

            var capability = Leaf(field);
            if (!Passes(capability, field.ParentPath is not null, UnderNested(mapping, field.Path), request))
            {
                continue;
            }

            result[field.Path] = capability;
            if (request.IncludeParents)
            {
                AddParents(mapping, field.Path, request.Types, result);
            }
        }

        return result;
    }

    private static IndexFieldCapability Leaf(FieldMapping field)
    {
        var type = FieldMappings.TypeName(field);
        var definition = field.Definition;
        var index = Flag(definition, "index", true);
        var docValues = Flag(definition, "doc_values", type is not ("binary" or "text"));
        var (searchable, aggregatable) = type switch
        {
            "text" => (index, Flag(definition, "fielddata", false)),
            "binary" => (false, docValues),
            "dense_vector" => (index, false),
            "flattened" => (index, docValues),

            // Keywords, numbers, dates, booleans, ips and points are searchable on doc values alone (since 8.1).
            _ => (index || docValues, docValues),
        };
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        if (definition["meta"] is JsonObject metaObject)
        {
            foreach (var (key, value) in metaObject)
            {
                meta[key] = value?.ToString() ?? string.Empty;
            }
        }

        return new IndexFieldCapability(field.Path, type, IsMetadata: false, searchable, aggregatable, meta);
    }

    private static bool Passes(IndexFieldCapability field, bool isMultiField, bool underNested, FieldCapsRequest request)
    {
        if (request.Types.Count > 0 && !request.Types.Contains(field.Type))
        {
            return false;
        }

        foreach (var filter in request.Filters)
        {
            var passes = filter switch
            {
                "+metadata" => field.IsMetadata,
                "-metadata" => !field.IsMetadata,
                "-nested" => !underNested,
                "-multifield" => !isMultiField,
                _ => true,
            };
            if (!passes)
            {
                return false;
            }
        }

        return true;
    }

    // Every object above a listed field, "nested" or "object", reported neither searchable nor aggregatable; with a
    // types filter only the parents of a listed type (as Elasticsearch 9 applies the filter to parents too).
    private static void AddParents(IndexMapping mapping, string path, IReadOnlyList<string> types, Dictionary<string, IndexFieldCapability> result)
    {
        var dot = path.LastIndexOf('.');
        while (dot > 0)
        {
            var parent = path[..dot];
            if (result.ContainsKey(parent))
            {
                break;
            }

            if (mapping.Find(parent) is not { } parentField || parentField.Kind == FieldKind.Object)
            {
                var type = mapping.Find(parent) is { } objectField && FieldMappings.TypeName(objectField) == "nested" ? "nested" : "object";
                if (types.Count == 0 || types.Contains(type))
                {
                    result[parent] = new IndexFieldCapability(parent, type, IsMetadata: false, Searchable: false, Aggregatable: false, new Dictionary<string, string>());
                }
            }

            dot = parent.LastIndexOf('.');
        }
    }

    private static bool UnderNested(IndexMapping mapping, string path)
    {
        var dot = path.LastIndexOf('.');
        while (dot > 0)
        {
            var parent = path[..dot];
            if (mapping.Find(parent) is { } field && FieldMappings.TypeName(field) == "nested")
            {
                return true;
            }

            dot = parent.LastIndexOf('.');
        }

        return false;
    }

    // include_empty_fields=false leaves out fields no document of the index holds a value for.
    private static HashSet<string> EmptyFields(IndexState index, IndexMapping mapping)
    {
        var withValues = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in index.Documents.Values)
        {
            if (entry.Document is { } document)
            {
                withValues.UnionWith(document.Fields.Keys);
            }
        }

        return mapping.Fields.Select(f => f.Path).Where(p => !withValues.Contains(p)).ToHashSet(StringComparer.Ordinal);
    }

    private static bool Flag(JsonObject definition, string key, bool fallback) =>
        definition[key] is JsonValue value
            ? value.TryGetValue<bool>(out var b) ? b : value.TryGetValue<string>(out var s) ? s == "true" : fallback
            : fallback;

    private static IndexFieldCapability Metadata(string name, bool searchable, bool aggregatable) =>
        new(name, name, IsMetadata: true, searchable, aggregatable, new Dictionary<string, string>());
}
