using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// Parses a document source against an index mapping: walks the JSON, applies dynamic mapping
/// as Elasticsearch does, then converts every value to its field's type (<see cref="FieldValueConverter"/>).
/// Nothing is changed when any value is rejected.
/// </summary>
internal sealed class DocumentParser
{
    private static readonly HashSet<string> MetadataFields =
        ["_id", "_index", "_source", "_routing", "_version", "_seq_no", "_primary_term", "_field_names", "_ignored", "_tier", "_data_stream_timestamp", "_doc_count"];

    // Recovery reads sources logged before duplicate keys were refused: they must still load.
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 256 };

    private readonly string _id;
    private readonly MappingState _mapping;
    private readonly Dictionary<string, JsonObject> _dynamic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonElement>> _values = new(StringComparer.Ordinal);

    private DocumentParser(string id, MappingState mapping)
    {
        _id = id;
        _mapping = mapping;
    }

    /// <summary>The parse result: the document and, when dynamic mapping added fields, the new mapping.</summary>
    public readonly record struct Result(ParsedDocument Document, MappingState? NewMapping);

    /// <summary>
    /// Parses <paramref name="source"/> (which the caller hands over and never changes). A repeated key
    /// is refused, as Elasticsearch does, unless <paramref name="allowDuplicateKeys"/> (recovery only).
    /// </summary>
    public static Result Parse(string id, ReadOnlyMemory<byte> source, MappingState mapping, long version, long seqNo, long primaryTerm, bool allowDuplicateKeys = false)
    {
        var options = allowDuplicateKeys ? Lenient : JsonSyntax.Strict;
        if (!VectorSplice.TryExtract(source.Span, mapping.Compiled, out var extracted))
        {
            return Parse(id, source, Open(source, options), mapping, version, seqNo, primaryTerm, null);
        }

        // The DOM parse reads the source with "[]" for the vector's array (already parsed).
        var length = source.Length - (extracted.End - extracted.Start) + 2;
        var spliced = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            source.Span[..extracted.Start].CopyTo(spliced);
            "[]"u8.CopyTo(spliced.AsSpan(extracted.Start));
            source.Span[extracted.End..].CopyTo(spliced.AsSpan(extracted.Start + 2));
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(spliced.AsMemory(0, length), options);
            }
            catch (JsonException)
            {
                // Report the error with the positions of the source as sent.
                return Parse(id, source, Open(source, options), mapping, version, seqNo, primaryTerm, null);
            }

            return Parse(id, source, json, mapping, version, seqNo, primaryTerm, extracted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(spliced);
        }
    }

    private static JsonDocument Open(ReadOnlyMemory<byte> source, JsonDocumentOptions options)
    {
        try
        {
            return JsonDocument.Parse(source, options);
        }
        catch (JsonException) when (JsonSyntax.FirstDuplicateKey(source.Span) is var (name, line, column))
        {
            var reason = "Duplicate field '" + name + "'";
            throw new StoreException(400, "document_parsing_exception", "[" + line + ":" + column + "] failed to parse: " + reason)
            {
                CausedBy = new StoreException(400, "json_parse_exception", reason),
            };
        }
        catch (JsonException e)
        {
            throw new StoreException(400, "document_parsing_exception", "failed to parse") { CausedBy = new StoreException(400, "json_parse_exception", e.Message) };
        }
    }

    private static Result Parse(string id, ReadOnlyMemory<byte> source, JsonDocument json, MappingState mapping, long version, long seqNo, long primaryTerm, VectorSplice.Extracted? extracted)
    {

        // Every value is converted to its own type before the document is disposed: nothing
        // keeps a JsonElement, so the parse buffers go back to the pool.
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw DocumentErrors.Document("failed to parse, document is empty");
            }

            var parser = new DocumentParser(id, mapping);
            parser.WalkObject(root, "", "");
            var finalMapping = parser.ApplyDynamic();
            var compiled = (finalMapping ?? mapping).Compiled;
            var fields = FieldValueConverter.Convert(id, Search.Nested.NestedPaths.RootValues(id, parser._values, compiled), compiled, extracted);
            return new Result(Build(id, source, fields, version, seqNo, primaryTerm), finalMapping);
        }
    }

    private static ParsedDocument Build(string id, ReadOnlyMemory<byte> source, Dictionary<string, FieldValues> fields, long version, long seqNo, long primaryTerm) =>
        new()
        {
            Id = id,
            SourceBytes = source,
            Version = version,
            SeqNo = seqNo,
            PrimaryTerm = primaryTerm,
            Fields = fields,
        };

    private FieldMapping? Lookup(string path) =>
        _dynamic.TryGetValue(path, out var def) ? FieldMappings.Create(path, def, null, _mapping.Defaults) : _mapping.Compiled.Find(path);

    private void WalkObject(JsonElement element, string prefix, string objectPath)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (prefix.Length == 0 && MetadataFields.Contains(name))
            {
                throw DocumentErrors.MetadataField(name);
            }

            if (name.Length == 0 || name.Trim().Length == 0)
            {
                throw DocumentErrors.Document("field name cannot be an empty string");
            }

            WalkValue(property.Value, prefix + name, objectPath);
        }
    }

    private void WalkValue(JsonElement value, string path, string objectPath)
    {
        if (_mapping.Compiled.IsAlias(path))
        {
            throw DocumentErrors.Document("Cannot write to a field alias [" + path + "].");
        }

        var field = Lookup(path);
        if (field is { Kind: FieldKind.Object } && field.Definition["enabled"]?.GetValueKind() == JsonValueKind.False)
        {
            // An object with enabled: false is kept in _source only: ES skips whatever it holds, scalars included.
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.Object:
                if (field is null || field.Kind == FieldKind.Object)
                {
                    if (field is null && !Allow(path, objectPath))
                    {
                        return;
                    }

                    WalkObject(value, path + ".", path);
                    return;
                }

                Collect(path, value);
                CopyTo(field, value);
                return;
            case JsonValueKind.Array:
                WalkArray(value, path, objectPath, field);
                return;
            default:
                if (field is null)
                {
                    if (!Allow(path, objectPath))
                    {
                        return;
                    }

                    _dynamic[path] = DynamicTypes.ForScalar(value, _mapping.DateDetection);
                }
                else if (field.Kind == FieldKind.Object)
                {
                    throw DocumentErrors.Document("object mapping for [" + path + "] tried to parse field [" + Leaf(path) + "] as object, but found a concrete value");
                }
                else if (field is { Kind: FieldKind.DenseVector, Dims: null } && value.ValueKind == JsonValueKind.String &&
                    VectorText.Decode(value.GetString()!, field.ElementType, null, hexForFloats: false, out _) is { Length: > 0 } decoded)
                {
                    SetVectorDims(path, field, VectorElementTypes.Dims(field.ElementType, decoded.Length));
                }

                Collect(path, value);
                CopyTo(field ?? Lookup(path), value);
                return;
        }
    }

    // A dense_vector mapped without dims takes them from its first value (ES maps them dynamically).
    private void SetVectorDims(string path, FieldMapping field, int dims)
    {
        var definition = (JsonObject)field.Definition.DeepClone();
        definition["dims"] = dims;
        _dynamic[path] = (JsonObject)MappingCompiler.Normalize(new JsonObject { ["properties"] = new JsonObject { ["f"] = definition } })["properties"]!["f"]!.DeepClone();
    }

    private void WalkArray(JsonElement array, string path, string objectPath, FieldMapping? field)
    {
        if (field is { Kind: FieldKind.DenseVector })
        {
            if (field.Dims is null && array.GetArrayLength() > 0)
            {
                SetVectorDims(path, field, VectorElementTypes.Dims(field.ElementType, array.GetArrayLength()));
            }

            Collect(path, array);
            return;
        }

        if (field is { Kind: FieldKind.GeoPoint } && array.GetArrayLength() > 0 && array[0].ValueKind == JsonValueKind.Number)
        {
            Collect(path, array);
            return;
        }

        if (field is null && DynamicTypes.IsDynamicVector(array))
        {
            if (!Allow(path, objectPath))
            {
                return;
            }

            _dynamic[path] = DynamicTypes.Vector(array.GetArrayLength());
            Collect(path, array);
            return;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array && Lookup(path) is not { Kind: FieldKind.GeoPoint })
            {
                WalkArray(item, path, objectPath, Lookup(path));
                continue;
            }

            WalkValue(item, path, objectPath);
        }
    }

    private bool Allow(string path, string objectPath)
    {
        var dynamic = _mapping.Dynamic(objectPath);
        if (dynamic == "strict")
        {
            throw MappingErrors.StrictDynamic(Leaf(path), objectPath.Length == 0 ? "_doc" : objectPath);
        }

        return dynamic == "true";
    }

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];

    // copy_to: the value is also indexed into each target field (parsed as the target's type, mapped dynamically when
    // the target is unmapped); the source is unchanged and copies are not copied again, as in Elasticsearch.
    private void CopyTo(FieldMapping? field, JsonElement value)
    {
        if (field?.Definition["copy_to"] is not { } targets)
        {
            return;
        }

        foreach (var target in targets is JsonArray array ? array.Select(t => t!.GetValue<string>()) : [targets.GetValue<string>()])
        {
            var mapped = Lookup(target);
            if (mapped is { Kind: FieldKind.Object })
            {
                throw DocumentErrors.Document("Cannot copy to field [" + target + "] since it is mapped as an object");
            }

            if (mapped is null)
            {
                var dot = target.LastIndexOf('.');
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || !Allow(target, dot < 0 ? "" : target[..dot]))
                {
                    continue;
                }

                _dynamic[target] = DynamicTypes.ForScalar(value, _mapping.DateDetection);
            }

            Collect(target, value);
        }
    }

    private void Collect(string path, JsonElement value)
    {
        if (!_values.TryGetValue(path, out var list))
        {
            list = [];
            _values[path] = list;
        }

        list.Add(value);
    }

    private MappingState? ApplyDynamic()
    {
        if (_dynamic.Count == 0)
        {
            return null;
        }

        var root = (JsonObject)_mapping.Root.DeepClone();
        foreach (var (path, definition) in _dynamic)
        {
            DynamicTypes.Insert(root, path, definition);
        }

        return MappingState.FromNormalized(MappingCompiler.Normalize(root), _mapping.Defaults);
    }
}
