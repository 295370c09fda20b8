using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Conformance.Tests.Assertions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// Values saved by <c>set</c>, referenced as <c>$name</c> (the whole string: replaced by the stashed value of any
/// type) or <c>${name}</c> (embedded: replaced by its text), in values, keys and paths.
/// </summary>
internal sealed partial class Stash
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    /// <summary>The body of the last response, which <c>$body</c> refers to.</summary>
    public Func<JsonNode?>? Body { get; set; }

    public void Set(string name, JsonNode? value) => _values[name] = value;

    public void Clear() => _values.Clear();

    public static bool ContainsReference(string text) =>
        (text.Length > 1 && text[0] == '$') || text.Contains("${", StringComparison.Ordinal);

    /// <summary>Returns a copy of <paramref name="node"/> with every stash reference replaced.</summary>
    public JsonNode? Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[ReplaceKey(key)] = Replace(value);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Replace(item));
                }

                return items;
            case JsonValue value when JsonValues.AsString(value) is { } text && ContainsReference(text):
                return ReplaceString(text);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Replaces a string: <c>$name</c> becomes the stashed value itself, <c>${name}</c> is spliced in as text.</summary>
    public JsonNode? ReplaceString(string text)
    {
        if (text.Length > 1 && text[0] == '$' && text[1] != '{')
        {
            return Lookup(text[1..]);
        }

        return JsonValue.Create(ReplaceEmbedded(text));
    }

    /// <summary>Replaces references inside a key or a path part and returns text.</summary>
    public string ReplaceKey(string key)
    {
        if (!ContainsReference(key))
        {
            return key;
        }

        if (key.Length > 1 && key[0] == '$' && key[1] != '{')
        {
            return JsonValues.ToText(Lookup(key[1..]));
        }

        return ReplaceEmbedded(key);
    }

    private string ReplaceEmbedded(string text) =>
        EmbeddedPattern().Replace(text, match => JsonValues.ToText(Lookup(match.Groups[1].Value)));

    private JsonNode? Lookup(string name)
    {
        if (name == "body" && !_values.ContainsKey("body") && Body is not null)
        {
            return Body()?.DeepClone();
        }

        // `$name.path` reads a path inside a stashed object, as the Java runner's stash does.
        var parts = ObjectPath.Split(name);
        if (!_values.TryGetValue(parts[0], out var value))
        {
            throw new StepFailedException($"stashed value not found for key [{name}]");
        }

        var resolved = parts.Count == 1 ? value : ObjectPath.Evaluate(value, parts.Skip(1));
        return resolved?.DeepClone();
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex EmbeddedPattern();
}
