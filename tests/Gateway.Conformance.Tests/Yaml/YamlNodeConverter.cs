using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gateway.Conformance.Tests.Yaml;

/// <summary>
/// Converts YamlDotNet nodes into <see cref="JsonNode"/> trees, resolving plain scalars the way the
/// Elasticsearch YAML runner (Jackson YAML) does: null, booleans, integers and floats; quoted scalars stay strings.
/// </summary>
internal static partial class YamlNodeConverter
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => ToArray(sequence),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => throw new FormatException($"Unsupported YAML node {node.NodeType} at {node.Start}"),
    };

    public static string KeyOf(YamlNode key) => key is YamlScalarNode scalar
        ? scalar.Value ?? string.Empty
        : throw new FormatException($"Mapping keys must be scalars (at {key.Start})");

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            // Later duplicates win, as in Jackson's map binding.
            result[KeyOf(key)] = ToJson(value);
        }

        return result;
    }

    private static JsonArray ToArray(YamlSequenceNode sequence)
    {
        var result = new JsonArray();
        foreach (var child in sequence.Children)
        {
            result.Add(ToJson(child));
        }

        return result;
    }

    private static JsonNode? ToScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var explicitTag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (explicitTag is "tag:yaml.org,2002:str" || scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        return ResolvePlain(text);
    }

    /// <summary>Resolves a plain (unquoted) scalar to its JSON value.</summary>
    public static JsonNode? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(text))
        {
            var digits = text.StartsWith('+') ? text[1..] : text;
            return JsonNode.Parse(TrimLeadingZeros(digits));
        }

        if (FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return JsonNumberPattern().IsMatch(text) ? JsonNode.Parse(text) : JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    private static string TrimLeadingZeros(string digits)
    {
        var negative = digits.StartsWith('-');
        var body = (negative ? digits[1..] : digits).TrimStart('0');
        body = body.Length == 0 ? "0" : body;
        return negative ? "-" + body : body;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumberPattern();
}
