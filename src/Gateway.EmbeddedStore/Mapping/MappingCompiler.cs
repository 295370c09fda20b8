using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// Validates and normalises a mapping tree (the <c>mappings</c> object of an index) and
/// flattens it into an <see cref="IndexMapping"/> with one entry per full dotted path.
/// </summary>
internal static class MappingCompiler
{
    private static readonly HashSet<string> KnownTypes =
    [
        "object", "keyword", "text", "date", "geo_point", "dense_vector", "long", "integer", "short", "byte",
        "double", "float", "half_float", "boolean", "ip", "binary", "date_nanos", "scaled_float", "flattened", "token_count", "alias",
    ];

    // The types with an ignore_malformed parameter (text and keyword have none).
    internal static readonly HashSet<string> IgnoreMalformedTypes =
    [
        "date", "date_nanos", "geo_point", "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "boolean", "ip",
    ];

    /// <summary>Normalises the root (validates every field, fills dense_vector defaults). Returns a new tree.</summary>
    public static JsonObject Normalize(JsonObject root)
    {
        var copy = (JsonObject)root.DeepClone();
        if (copy["properties"] is { } properties)
        {
            if (properties is not JsonObject props)
            {
                throw MappingErrors.MapperParsing("Expected map for property [properties] on field [_doc] but got a class java.lang.String");
            }

            NormalizeProperties(props, "");
        }

        ValidateDynamic(copy, "_doc");
        RoutingField.Validate(copy[RoutingField.Path]);
        SourceField.From(copy[SourceField.Path]);
        return copy;
    }

    /// <summary>Flattens a normalised root into field mappings.</summary>
    public static IndexMapping Compile(JsonObject root, MappingDefaults? defaults = null)
    {
        var fields = new List<FieldMapping>();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["properties"] is JsonObject props)
        {
            Flatten(props, "", fields, defaults ?? MappingDefaults.None, aliases);
        }

        FieldAliases.Validate(aliases, fields);
        return new IndexMapping(fields) { Source = SourceField.From(root[SourceField.Path]), Aliases = aliases };
    }

    /// <summary>The <c>dynamic</c> setting that applies at an object path ("" for the root).</summary>
    public static string DynamicAt(JsonObject root, string objectPath)
    {
        var result = DynamicValue(root) ?? "true";
        if (objectPath.Length == 0)
        {
            return result;
        }

        JsonObject? current = root;
        foreach (var part in objectPath.Split('.'))
        {
            current = (current?["properties"] as JsonObject)?[part] as JsonObject;
            if (current is null)
            {
                break;
            }

            result = DynamicValue(current) ?? result;
        }

        return result;
    }

    private static string? DynamicValue(JsonObject node) => node["dynamic"] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    private static void ValidateDynamic(JsonObject node, string name)
    {
        var value = DynamicValue(node);
        if (value is not null and not "true" and not "false" and not "strict" and not "runtime")
        {
            throw MappingErrors.MapperParsing("Failed to parse mapping: Could not convert [" + name + ".dynamic] to boolean");
        }
    }

    // copy_to names a field or a list of fields; ES refuses it on a multi-field.
    private static void CheckCopyTo(JsonObject definition, string path, bool multiField)
    {
        if (definition["copy_to"] is not { } copyTo)
        {
            return;
        }

        if (multiField)
        {
            throw MappingErrors.MapperParsing("[copy_to] may not be used to copy from a multi-field: [" + path + "]");
        }

        var valid = copyTo switch
        {
            JsonValue v => v.GetValueKind() == JsonValueKind.String,
            JsonArray a => a.All(t => t?.GetValueKind() == JsonValueKind.String),
            _ => false,
        };
        if (!valid)
        {
            throw MappingErrors.MapperParsing("Failed to parse mapping: [copy_to] on field [" + path + "] must be a field name or a list of field names");
        }
    }

    private static void NormalizeProperties(JsonObject properties, string prefix, bool multiField = false)
    {
        foreach (var (name, node) in properties.ToList())
        {
            var path = prefix + name;
            if (name.Trim().Length == 0)
            {
                throw MappingErrors.MapperParsing("field name cannot be an empty string", StoreException.IllegalArgument("field name cannot be an empty string"));
            }

            if (node is not JsonObject definition)
            {
                throw MappingErrors.MapperParsing("Expected map for property [fields] on field [" + name + "] but got a class java.lang.String");
            }

            var type = definition["type"]?.GetValueKind() == JsonValueKind.String ? definition["type"]!.GetValue<string>() : null;
            if (definition["type"] is not null && type is null)
            {
                throw MappingErrors.MapperParsing("No type specified for field [" + name + "]");
            }

            if (type is null or "object" or "nested")
            {
                // nested keeps its type (GET _mapping shows it, the nested query checks it); its fields are flattened like an object's.
                if (type != "nested")
                {
                    definition.Remove("type");
                }

                ValidateDynamic(definition, name);
                MapperParameters.CheckObject(name, type == "nested", definition);
                if (definition["enabled"] is { } enabled && enabled.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw MappingErrors.MapperParsing("Failed to parse mapping: failed to parse field [enabled] of type [boolean]");
                }

                if (definition["properties"] is JsonObject nested)
                {
                    NormalizeProperties(nested, path + ".");
                }

                continue;
            }

            if (!KnownTypes.Contains(type))
            {
                throw MappingErrors.MapperParsing("The mapper type [" + type + "] declared on field [" + name + "] does not exist. It might have been created within a future version or requires a plugin to be installed. Check the documentation.");
            }

            if (type == "alias")
            {
                FieldAliases.Normalize(name, definition);
                continue;
            }

            if (type == "dense_vector")
            {
                NormalizeVector(definition, name);
            }

            MapperParameters.Check(name, type, definition);
            CheckCopyTo(definition, path, multiField);

            if (type == "flattened" && definition["depth_limit"] is JsonValue depth && ReadInt(depth, "depth_limit", name) is var depthLimit && depthLimit < 0)
            {
                throw MappingErrors.MapperParsing("[depth_limit] must be positive, got [" + depthLimit + "]");
            }

            if (type == "token_count" && definition["analyzer"] is null)
            {
                throw MappingErrors.MapperParsing("Analyzer must be set for field [" + name + "] but wasn't.");
            }

            if (type == "scaled_float")
            {
                NormalizeScalingFactor(definition);
            }

            if (definition.ContainsKey("ignore_malformed") && !IgnoreMalformedTypes.Contains(type))
            {
                throw MappingErrors.MapperParsing("unknown parameter [ignore_malformed] on mapper [" + name + "] of type [" + type + "]");
            }

            if (type is "keyword" or "flattened" && definition["ignore_above"] is JsonValue ignoreAbove && ReadInt(ignoreAbove, "ignore_above", name) is var limit && limit < 0)
            {
                throw MappingErrors.MapperParsing("Failed to parse mapping: [ignore_above] must be positive, got [" + limit + "]");
            }

            if (type is "date" or "date_nanos" && definition["format"] is JsonValue formatValue)
            {
                DateFormatParser.Validate(formatValue.GetValue<string>(), name);
            }

            if (definition["fields"] is JsonObject multi)
            {
                NormalizeProperties(multi, path + ".", multiField: true);
            }
        }
    }

    // scaled_float requires a finite, positive scaling_factor (read as a double, also from a string).
    private static void NormalizeScalingFactor(JsonObject definition)
    {
        if (definition["scaling_factor"] is not JsonValue value)
        {
            throw MappingErrors.MapperParsing("Field [scaling_factor] is required");
        }

        var factor = value.TryGetValue<double>(out var d) ? d
            : value.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d
            : throw MappingErrors.MapperParsing("[scaling_factor] must be a number, got [" + value.ToJsonString() + "]");
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw MappingErrors.MapperParsing("[scaling_factor] must be a positive number, got [" + factor.ToString(CultureInfo.InvariantCulture) + "]");
        }

        definition["scaling_factor"] = factor;
    }

    private static void NormalizeVector(JsonObject definition, string name)
    {
        var element = VectorElementType.Float;
        if (definition["element_type"] is JsonValue elementType)
        {
            var elementName = elementType.ToString();
            element = VectorElementTypes.Parse(elementName)
                ?? throw MappingErrors.MapperParsing("invalid element_type [" + elementName + "]; available types are " + VectorElementTypes.Available);
        }

        var dims = definition["dims"] is JsonValue d ? ReadInt(d, "dims", name) : (int?)null;
        var (minDims, maxDims) = element == VectorElementType.Bit ? (8, 4096 * 8) : (1, 4096);
        if (dims < minDims || dims > maxDims)
        {
            throw MappingErrors.MapperParsing("The number of dimensions should be in the range [" + minDims + ", " + maxDims + "] but was [" + dims + "]");
        }

        if (element == VectorElementType.Bit && dims is { } bits && bits % 8 != 0)
        {
            throw MappingErrors.MapperParsing("The number of dimensions for should be a multiple of 8 but was [" + dims + "]");
        }

        var index = definition["index"] is not JsonValue i || ReadBool(i);
        var similarity = definition["similarity"]?.GetValue<string>();
        if (similarity is not null && VectorSimilarities.Parse(similarity) is null)
        {
            throw MappingErrors.MapperParsing("Unknown value [" + similarity + "] for field [similarity] - accepted values are [l2_norm, dot_product, cosine, max_inner_product]");
        }

        if (element == VectorElementType.Bit && similarity is not (null or "l2_norm"))
        {
            throw MappingErrors.MapperParsing("The [l2_norm] similarity is the only supported similarity for bit vectors");
        }

        var rebuilt = new JsonObject { ["type"] = "dense_vector" };
        if (element != VectorElementType.Float)
        {
            rebuilt["element_type"] = VectorElementTypes.Name(element);
        }

        if (dims is not null)
        {
            rebuilt["dims"] = dims;
        }

        rebuilt["index"] = index;
        if (index)
        {
            rebuilt["similarity"] = similarity ?? (element == VectorElementType.Bit ? "l2_norm" : "cosine");
            var options = definition["index_options"] is { } given
                ? VectorIndexOptions.Parse(given, element, dims, name)
                : VectorIndexOptions.Default(element, dims);
            if (options is not null)
            {
                rebuilt["index_options"] = options;
            }
        }
        else if (similarity is not null)
        {
            throw MappingErrors.MapperParsing("Field [similarity] can only be specified for a field of type [dense_vector] when it is indexed");
        }
        else if (definition["index_options"] is not null)
        {
            throw MappingErrors.MapperParsing("Field [index_options] can only be specified for a field of type [dense_vector] when it is indexed");
        }

        foreach (var key in definition.Select(p => p.Key).ToList())
        {
            if (key is not ("type" or "dims" or "index" or "similarity" or "index_options" or "element_type"))
            {
                throw MappingErrors.MapperParsing("unknown parameter [" + key + "] on mapper [" + name + "] of type [dense_vector]");
            }
        }

        definition.Clear();
        foreach (var (key, value) in rebuilt.ToList())
        {
            rebuilt.Remove(key);
            definition[key] = value;
        }
    }

    private static int ReadInt(JsonValue value, string key, string field)
    {
        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out i))
        {
            return i;
        }

        throw MappingErrors.MapperParsing("Failed to parse mapping: [" + key + "] on field [" + field + "] must be an integer");
    }

    private static bool ReadBool(JsonValue value) =>
        value.TryGetValue<bool>(out var b) ? b : value.TryGetValue<string>(out var s) && s == "true";

    private static void Flatten(JsonObject properties, string prefix, List<FieldMapping> fields, MappingDefaults defaults, Dictionary<string, string> aliases)
    {
        foreach (var (name, node) in properties)
        {
            var definition = (JsonObject)node!;
            var path = prefix + name;
            if (FieldAliases.Target(definition) is { } target)
            {
                aliases[path] = target;
                continue;
            }

            var field = FieldMappings.Create(path, definition, parentPath: null, defaults);
            fields.Add(field);
            if (field.Kind == FieldKind.Object && definition["properties"] is JsonObject nested)
            {
                Flatten(nested, path + ".", fields, defaults, aliases);
            }

            if (definition["fields"] is JsonObject multi)
            {
                foreach (var (subName, subNode) in multi)
                {
                    fields.Add(FieldMappings.Create(path + "." + subName, (JsonObject)subNode!, parentPath: path, defaults));
                }
            }
        }
    }
}
