using System.Text.Json;
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
        foreach (var (path, raw) in values)
        {
            if (mapping.Find(path) is not { } field)
            {
                continue;
            }

            result[path] = extracted is { } vector && vector.Path == path && raw.Count == 1
                ? new FieldValues { Mapping = field, Vector = VectorParsing.Checked(vector.Vector, field) }
                : ConvertField(id, field, raw);
        }

        foreach (var field in mapping.Fields)
        {
            if (field.ParentPath is { } parent && values.TryGetValue(parent, out var raw))
            {
                result[field.Path] = ConvertField(id, field, raw);
            }
        }

        return result;
    }

    private static FieldValues ConvertField(string id, FieldMapping field, List<JsonElement> raw)
    {
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
                            continue;
                        }

                        strings.Add(text);
                    }

                    return field.Kind == FieldKind.Keyword
                        ? new FieldValues { Mapping = field, Keywords = strings }
                        : new FieldValues { Mapping = field, Texts = strings };
                case FieldKind.Long or FieldKind.Integer or FieldKind.Short or FieldKind.Byte or FieldKind.Date or FieldKind.Boolean:
                    var longs = new List<long>(raw.Count);
                    foreach (var value in raw)
                    {
                        current = value;
                        longs.Add(field.Kind switch
                        {
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
                        doubles.Add(NumericParsing.ParseFloating(value, field.Kind));
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

    private static string Preview(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

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
