using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// Converts between JSON (sources, params) and script values as Elasticsearch's parsed maps hold them: integers as
/// <c>int</c> when they fit, else <c>long</c>; other numbers as <c>double</c>; objects as ordered maps, arrays as lists.
/// Back to JSON, doubles keep Java's form (<c>1.0</c>), so a value a script computed reads as ES writes it.
/// </summary>
internal static class ScriptJson
{
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => FromObject(obj),
        JsonArray array => new ScriptList(array.Select(FromJson)),
        JsonValue value => FromValue(value),
        _ => null,
    };

    public static ScriptMap FromObject(JsonObject obj)
    {
        var map = new ScriptMap();
        foreach (var (key, value) in obj)
        {
            map.Init(key, FromJson(value));
        }

        return map;
    }

    public static ScriptMap FromBytes(ReadOnlySpan<byte> json) =>
        JsonNode.Parse(json) is JsonObject obj ? FromObject(obj) : new ScriptMap();

    private static object? FromValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt32(out i) ? i : element.TryGetInt64(out l) ? l : element.GetDouble();
        }

        return value.TryGetValue<double>(out var d) ? d : value.GetValue<float>();
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => Floating(d, ScriptText.Double(d)),
        float f => Floating(f, ScriptText.Float(f)),
        char c => JsonValue.Create(c.ToString()),
        ScriptList list => new JsonArray(list.Select(ToJson).ToArray()),
        ScriptMap map => ToObject(map),
        IEnumerable<object?> values and IScriptObject => new JsonArray(values.Select(ToJson).ToArray()),
        _ => JsonValue.Create(ScriptText.Of(value)),
    };

    public static JsonObject ToObject(ScriptMap map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[ScriptText.Of(key)] = ToJson(value);
        }

        return obj;
    }

    // NaN and the infinities are not JSON numbers: Jackson writes them as strings ("NaN").
    private static JsonNode Floating(double value, string javaText) =>
        double.IsFinite(value) ? JsonNode.Parse(javaText)! : JsonValue.Create(javaText);
}
