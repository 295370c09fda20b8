using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Scripts;

/// <summary>
/// A <c>_script</c> sort: <c>{"_script": {"type": "number"|"string", "script": ..., "order": "asc"|"desc"}}</c>.
/// Numbers sort and render as doubles, strings as text (Elasticsearch's ScriptSortBuilder); the script sees
/// <c>doc</c>, <c>params</c> and <c>_score</c>.
/// </summary>
internal sealed class ScriptSort
{
    private BoundScripts? _scripts;

    public required ScriptDefinition Script { get; init; }

    private BoundScripts Bound => LazyInitializer.EnsureInitialized(ref _scripts, () => new BoundScripts(Script));

    public required bool IsNumber { get; init; }

    public static SortSpec Parse(JsonNode? node)
    {
        var obj = node as JsonObject ?? throw StoreException.Parsing("[_script] sort expects an object");
        ScriptDefinition? script = null;
        string? type = null, order = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "script":
                    script = ScriptDefinition.Parse(value, null);
                    break;
                case "type":
                    type = JsonValues.AsString(value);
                    break;
                case "order":
                    order = JsonValues.AsString(value);
                    break;
                case "mode" or "nested":
                    throw SearchParameters.Unsupported("[_script] sort [" + key + "]");
                default:
                    throw StoreException.Parsing("[_script] unknown field [" + key + "]");
            }
        }

        if (script is null || type is null)
        {
            throw StoreException.Parsing("[_script] failed to parse field: [" + (script is null ? "script" : "type") + "] is required");
        }

        if (type is not ("number" or "string"))
        {
            throw StoreException.IllegalArgument("Unknown ScriptSortType [" + type + "]");
        }

        var descending = order switch
        {
            null or "asc" => false,
            "desc" => true,
            _ => throw StoreException.IllegalArgument("Unknown SortOrder [" + order + "]"),
        };
        return new SortSpec { Field = "_script", Descending = descending, Script = new ScriptSort { Script = script, IsNumber = type == "number" } };
    }

    public SortKey Key(SearchContext context, int ord, float score)
    {
        var script = Bound.For(context);

        if (IsNumber)
        {
            var number = script.RunNumber(ord, score);
            return new SortKey(number, null, ScriptJson.ToJson(number));
        }

        var text = ScriptText.Of(script.Run(ord, score));
        return new SortKey(0, text, JsonValue.Create(text));
    }
}
