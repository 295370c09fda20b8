using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>Converts collected JSON values to typed <see cref="FieldValues"/>, validating each against its mapping.</summary>
internal static class FieldValueConverter
{
    /// <param name="id">The document id (for error messages).</param>
    /// <param name="values">The collected values by field path.</param>
    /// <param name="mapping">The mapping to convert with.</param>
    /// <param name="extracted">A vector parsed before the DOM (<see cref="VectorSplice"/>), whose value in <paramref name="values"/> is an empty array.</param>
    public static Dictionary<string, FieldValues> Convert(string id, Dictionary<string, List<JsonElement>> values, IndexMapping mapping, VectorSplice.Extracted? extracted = null)
    {
        var result = new Dictionary<string, FieldValues>(values.Count + 4, StringComparer.Ordinal);
        var ignored = new SortedDictionary<string, List<JsonNode?>>(StringComparer.Ordinal);
        foreach (var (path, raw) in values)
        {
            if (mapping.Find(path) is not { } field)
            {
                continue;
            }

            if (field.Encoding == KeywordEncoding.Flattened)
            {
                FlattenedValues.Convert(id, field, raw, result);
                continue;
            }

            var converted = extracted is { } vector && vector.Path == path && raw.Count == 1
                ? new FieldValues { Mapping = field, Vector = VectorParsing.Checked(vector.Vector, field) }
                : ConvertField(id, field, raw, ignored);
            if (converted is not null)
            {
                result[path] = converted;
            }
        }

        foreach (var field in mapping.Fields)
        {
            if (field.ParentPath is { } parent && values.TryGetValue(parent, out var raw) && ConvertField(id, field, raw, ignored) is { } converted)
            {
                result[field.Path] = converted;
            }
        }

        if (ignored.Count > 0)
        {
            result[IgnoredField.Path] = new FieldValues { Mapping = IgnoredField.Mapping, Keywords = [.. ignored.Keys], IgnoredValues = ignored };
        }

        return result;
    }

    /// <summary>The field's values; null when <c>ignore_malformed</c> left every value out.</summary>
    private static FieldValues? ConvertField(string id, FieldMapping field, List<JsonElement> raw, SortedDictionary<string, List<JsonNode?>> ignored, bool leaveOutMalformed = true)
    {
        if (field.IgnoreMalformed && leaveOutMalformed)
        {
            raw = WellFormed(id, field, raw, ignored);
            if (raw.Count == 0)
            {
                return null;
            }
        }

        var current = raw[0];
        try
        {
            switch (field.Kind)
            {
                case FieldKind.Keyword:
                case FieldKind.Text:
                    var strings = new List<string>(raw.Count);
                    foreach (var value in raw)
                    {
                        current = value;
                        var text = field.Encoding switch
                        {
                            KeywordEncoding.Ip => IpValues.Canonical(AsString(value)),
                            KeywordEncoding.Binary => Base64(value),
                            _ => AsString(value),
                        };
                        if (field.Kind == FieldKind.Keyword && field.IgnoreAbove is { } limit && text.Length > limit)
                        {
                            Ignore(ignored, field, value);
                            continue;
                        }

                        strings.Add(text);
                    }

                    return field.Kind == FieldKind.Keyword
                        ? new FieldValues { Mapping = field, Keywords = strings }
                        : new FieldValues { Mapping = field, Texts = strings };
                case FieldKind.Long or FieldKind.Integer or FieldKind.Short or FieldKind.Byte or FieldKind.Date or FieldKind.Boolean:
                    var longs = new List<long>(raw.Count);
                    var tokenCount = FieldMappings.TypeName(field) == "token_count";
                    foreach (var value in raw)
                    {
                        current = value;
                        longs.Add(field.Kind switch
                        {
                            // token_count: the number of tokens the field's analyzer makes of the text.
                            _ when tokenCount => Search.Analysis.StandardAnalyzer.Analyze(AsString(value), Search.Analysis.AnalyzerNames.For(field)).Count,
                            FieldKind.Date => ParseDate(value, field),
                            FieldKind.Boolean => ParseBoolean(value),
                            _ => NumericParsing.ParseInteger(value, field.Kind),
                        });
                    }

                    return new FieldValues { Mapping = field, Longs = longs };
                case FieldKind.Double or FieldKind.Float or FieldKind.HalfFloat:
                    var doubles = new List<double>(raw.Count);
                    foreach (var value in raw)
                    {
                        current = value;
                        doubles.Add(field.Quantize(NumericParsing.ParseFloating(value, field.Kind)));
                    }

                    return new FieldValues { Mapping = field, Doubles = doubles };
                case FieldKind.GeoPoint:
                    var points = new List<GeoPoint>(raw.Count);
                    foreach (var value in raw)
                    {
                        current = value;
                        points.Add(GeoValueParser.Parse(value, field.Path));
                    }

                    return new FieldValues { Mapping = field, Points = points };
                case FieldKind.DenseVector:
                    if (raw.Count > 1)
                    {
                        throw DocumentErrors.Document("[dense_vector] field [" + field.Path + "] doesn't support indexing multiple values for the same field in the same document");
                    }

                    return new FieldValues { Mapping = field, Vector = VectorParsing.Parse(raw[0], field, id) };
                default:
                    throw DocumentErrors.Document("object mapping for [" + field.Path + "] tried to parse field [" + field.Path + "] as object, but found a concrete value");
            }
        }
        catch (FormatException e)
        {
            throw DocumentErrors.FieldParse(field.Path, FieldMappings.TypeName(field), id, Preview(current), e.Message);
        }
        catch (OverflowException e)
        {
            throw DocumentErrors.FieldParse(field.Path, FieldMappings.TypeName(field), id, Preview(current), e.Message);
        }
    }

    // ignore_malformed: the values that do not parse are left out and recorded in _ignored. Numbers, ip and
    // boolean leave out malformed scalars only (an object still fails the document, as in Elasticsearch); dates and
    // points leave out any malformed value.
    private static List<JsonElement> WellFormed(string id, FieldMapping field, List<JsonElement> raw, SortedDictionary<string, List<JsonNode?>> ignored)
    {
        var kept = new List<JsonElement>(raw.Count);
        foreach (var value in raw)
        {
            var scalar = value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
            if (!scalar && field.Kind is not (FieldKind.Date or FieldKind.GeoPoint))
            {
                kept.Add(value);
                continue;
            }

            try
            {
                _ = ConvertField(id, field, [value], ignored, leaveOutMalformed: false);
                kept.Add(value);
            }
            catch (Errors.StoreException)
            {
                Ignore(ignored, field, value);
            }
        }

        return kept;
    }

    private static void Ignore(SortedDictionary<string, List<JsonNode?>> ignored, FieldMapping field, JsonElement value)
    {
        if (!ignored.TryGetValue(field.Path, out var list))
        {
            list = [];
            ignored[field.Path] = list;
        }

        list.Add(JsonNode.Parse(value.GetRawText()));
    }

    // Elasticsearch previews the value as Java prints it: an object as a map ({object=wow}), an array as a list.
    private static string Preview(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject().Select(p => p.Name + "=" + Preview(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Preview)) + "]",
        _ => value.GetRawText(),
    };

    private static string AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new FormatException("Can't get text on a START_OBJECT"),
    };

    private static string Base64(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException("Can't get binary value from " + value.ValueKind.ToString().ToUpperInvariant());
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return System.Convert.TryFromBase64String(text, buffer, out _) ? text : throw new FormatException("Failed to decode [" + text + "] as base64");
    }

    private static long ParseBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.String => value.GetString() switch
        {
            "true" => 1,
            "false" or "" => 0,
            var s => throw new FormatException("Failed to parse value [" + s + "] as only [true] or [false] are allowed."),
        },
        _ => throw new FormatException("Failed to parse value [" + value.GetRawText() + "] as only [true] or [false] are allowed."),
    };

    private static long ParseDate(JsonElement value, FieldMapping field)
    {
        var format = field.Format ?? FieldMappings.DefaultDateFormat;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FormatException("failed to parse date field [" + value.GetRawText() + "] with format [" + format + "]"),
        };
        return DateFormatParser.TryParse(text, format)
            ?? throw new FormatException("failed to parse date field [" + text + "] with format [" + format + "]");
    }
}
