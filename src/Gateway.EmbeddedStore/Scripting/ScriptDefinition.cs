using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting.Syntax;

namespace Gateway.EmbeddedStore.Scripting;

/// <summary>
/// A request's <c>script</c> (the string short form or <c>{source | id, lang, params, options}</c>), validated as
/// Elasticsearch's <c>Script.parse</c> does and compiled once: a compile error is the 400 <c>script_exception</c>
/// before anything runs. Only <c>lang: painless</c> (the default) runs; stored scripts (<c>id</c>) come from
/// <see cref="StoredScripts"/>.
/// </summary>
internal sealed class ScriptDefinition
{
    private ScriptDefinition(string source, BlockStatement tree, JsonObject parameters)
    {
        Source = source;
        Tree = tree;
        ParametersJson = parameters;
    }

    public string Source { get; }

    public BlockStatement Tree { get; }

    /// <summary><c>params</c> as sent (an empty object when none).</summary>
    public JsonObject ParametersJson { get; }

    /// <summary>Parses and compiles <paramref name="node"/>; <paramref name="stored"/> resolves <c>id</c> (null: none stored).</summary>
    public static ScriptDefinition Parse(JsonNode? node, StoredScripts? stored)
    {
        string? source = null, id = null, lang = null;
        JsonObject? parameters = null;
        switch (node)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                source = value.GetValue<string>();
                break;
            case JsonObject obj:
                foreach (var (key, field) in obj)
                {
                    switch (key)
                    {
                        case "source" or "inline":
                            source = field is JsonValue { } text && text.GetValueKind() == JsonValueKind.String
                                ? text.GetValue<string>()
                                : field is JsonObject template ? template.ToJsonString() : throw StoreException.Parsing("[script] source doesn't support values of type: " + Kind(field));
                            break;
                        case "id":
                            id = field?.GetValueKind() == JsonValueKind.String ? field.GetValue<string>() : throw StoreException.Parsing("[script] id doesn't support values of type: " + Kind(field));
                            break;
                        case "lang":
                            lang = field?.GetValueKind() == JsonValueKind.String ? field.GetValue<string>() : throw StoreException.Parsing("[script] lang doesn't support values of type: " + Kind(field));
                            break;
                        case "params":
                            parameters = field as JsonObject ?? throw StoreException.Parsing("[script] params doesn't support values of type: " + Kind(field));
                            break;
                        case "options":
                            if (field is not JsonObject { Count: 0 })
                            {
                                throw ScriptErrors.Unsupported("[script.options]");
                            }

                            break;
                        default:
                            throw new StoreException(400, "x_content_parse_exception", "[script] unknown field [" + key + "]");
                    }
                }

                break;
            default:
                throw StoreException.Parsing("[script] doesn't support values of type: " + Kind(node));
        }

        if ((source is null) == (id is null))
        {
            throw StoreException.IllegalArgument("must specify either [source] for an inline script or [id] for a stored script");
        }

        if (id is not null)
        {
            if (lang is not null)
            {
                throw StoreException.IllegalArgument("illegal compiler options [{}] specified for stored script [" + id + "]".Replace("{}", "lang", StringComparison.Ordinal));
            }

            if (stored is null)
            {
                throw ScriptErrors.Unsupported("[script.id] (a stored script) in this context");
            }

            var found = stored.Find(id) ?? throw new StoreException(404, "resource_not_found_exception", "unable to find script [" + id + "] in cluster state");
            return Compile(found, parameters);
        }

        CheckLang(lang);
        return Compile(source!, parameters);
    }

    /// <summary>Refuses a language other than painless: ES's message for unknown ones, a named refusal for those ES has.</summary>
    public static void CheckLang(string? lang)
    {
        switch (lang)
        {
            case null or "painless":
                return;
            case "expression" or "mustache":
                throw ScriptErrors.Unsupported("[lang: " + lang + "] (only painless scripts run)");
            default:
                throw StoreException.IllegalArgument("script_lang not supported [" + lang + "]");
        }
    }

    public static ScriptDefinition Compile(string source, JsonObject? parameters)
    {
        try
        {
            return new ScriptDefinition(source, ScriptParser.Parse(source), parameters ?? []);
        }
        catch (ScriptException e)
        {
            throw ScriptErrors.ToStoreException(e, source);
        }
    }

    /// <summary>A fresh copy of <c>params</c> for one run (scripts may change it).</summary>
    public ScriptMap Parameters() => ScriptJson.FromObject(ParametersJson);

    /// <summary>Runs the script; a failure is thrown as the 400 <c>script_exception</c> <see cref="StoreException"/>.</summary>
    public object? Execute(ScriptBindings bindings)
    {
        try
        {
            return ScriptInterpreter.Run(Tree, bindings);
        }
        catch (ScriptException e)
        {
            throw ScriptErrors.ToStoreException(e, Source);
        }
    }

    private static string Kind(JsonNode? value) => value?.GetValueKind().ToString().ToUpperInvariant() ?? "VALUE_NULL";
}
