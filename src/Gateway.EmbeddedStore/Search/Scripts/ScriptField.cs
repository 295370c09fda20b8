using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Scripts;

/// <summary>
/// One entry of <c>script_fields</c>: the script's value for each hit (with <c>doc</c>, <c>params</c> and
/// <c>params['_source']</c>), rendered under <c>fields</c> as a list (a list result is the values, anything else one
/// value); <c>ignore_failure</c> leaves the field out of a hit whose script fails.
/// </summary>
internal sealed class ScriptField
{
    public required string Name { get; init; }

    private BoundScripts? _scripts;

    public required ScriptDefinition Script { get; init; }

    private BoundScripts Bound => LazyInitializer.EnsureInitialized(ref _scripts, () => new BoundScripts(Script, withSource: true));

    public bool IgnoreFailure { get; init; }

    public static List<ScriptField> Parse(JsonNode? value)
    {
        var obj = value as JsonObject ?? throw StoreException.Parsing("Expected [START_OBJECT] under [script_fields], but got a [" + JsonValues.TokenName(value) + "].");
        var fields = new List<ScriptField>();
        foreach (var (name, spec) in obj)
        {
            var options = spec as JsonObject ?? throw StoreException.Parsing("Expected [START_OBJECT] under [" + name + "], but got a [" + JsonValues.TokenName(spec) + "].");
            ScriptDefinition? script = null;
            var ignoreFailure = false;
            foreach (var (key, option) in options)
            {
                switch (key)
                {
                    case "script":
                        script = ScriptDefinition.Parse(option, null);
                        break;
                    case "ignore_failure":
                        ignoreFailure = JsonValues.ToBool(option, "ignore_failure");
                        break;
                    default:
                        throw StoreException.Parsing("Unknown key for a " + JsonValues.TokenName(option) + " in [" + key + "].");
                }
            }

            fields.Add(new ScriptField
            {
                Name = name,
                Script = script ?? throw StoreException.Parsing("must specify a script in script fields"),
                IgnoreFailure = ignoreFailure,
            });
        }

        return fields;
    }

    /// <summary>The field's values for the hit <paramref name="ord"/>; null when the script failed and failures are ignored.</summary>
    public JsonArray? Render(SearchContext context, int ord)
    {
        var script = Bound.For(context);

        object? value;
        try
        {
            value = script.Run(ord, phase: "fetch");
        }
        catch (StoreException) when (IgnoreFailure)
        {
            return null;
        }

        return value is IEnumerable<object?> values and (ScriptList or ScriptDocValues)
            ? new JsonArray(values.Select(ScriptJson.ToJson).ToArray())
            : new JsonArray(ScriptJson.ToJson(value));
    }
}
