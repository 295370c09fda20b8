using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query.Functions;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>Parses <c>function_score</c> (a <c>functions</c> array or one function at the top level).</summary>
internal static class FunctionScoreParser
{
    private static readonly string[] ScoreModes = ["multiply", "sum", "avg", "first", "max", "min"];
    private static readonly string[] BoostModes = ["multiply", "replace", "sum", "avg", "max", "min"];

    public static QueryNode Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[function_score] query malformed, no start_object after query name");
        QueryNode? query = null;
        var functions = new List<ScoreFunction>();
        string scoreMode = "multiply", boostMode = "multiply";
        double maxBoost = float.MaxValue;
        float? minScore = null;
        JsonObject? single = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "query" or "filter":
                    query = QueryParser.Parse(value);
                    break;
                case "functions":
                    var array = value as JsonArray ?? throw StoreException.Parsing("failed to parse [function_score] query. [functions] must be an array");
                    functions.AddRange(array.Select(f => Function(f as JsonObject ?? throw StoreException.Parsing("failed to parse [function_score] query. malformed function"))));
                    break;
                case "score_mode":
                    scoreMode = Mode(value, key, ScoreModes);
                    break;
                case "boost_mode":
                    boostMode = Mode(value, key, BoostModes);
                    break;
                case "max_boost":
                    maxBoost = JsonValues.ToDouble(value, key);
                    break;
                case "min_score":
                    minScore = (float)JsonValues.ToDouble(value, key);
                    break;
                case "boost" or "_name":
                    break;
                default:
                    // A single function given at the top level ("weight", "field_value_factor", "gauss", ...).
                    (single ??= [])[key] = value?.DeepClone();
                    break;
            }
        }

        if (single is not null)
        {
            if (functions.Count > 0)
            {
                throw StoreException.Parsing("failed to parse [function_score] query. already found [functions] array, now encountering [" + single.First().Key + "].");
            }

            functions.Add(Function(single));
        }

        var result = new FunctionScoreQuery
        {
            Query = query ?? new MatchAllQuery(),
            Functions = functions,
            ScoreMode = scoreMode,
            BoostMode = boostMode,
            MaxBoost = maxBoost,
            MinScore = minScore,
        };
        return QueryParser.WithCommon(result, obj, "function_score");
    }

    private static string Mode(JsonNode? value, string key, string[] allowed)
    {
        var mode = JsonValues.AsString(value) ?? string.Empty;
        return Array.IndexOf(allowed, mode) >= 0
            ? mode
            : throw StoreException.Parsing("failed to parse [function_score] query. illegal " + key + " [" + mode + "]");
    }

    private static ScoreFunction Function(JsonObject spec)
    {
        QueryNode? filter = null;
        float weight = 1f;
        var hasWeight = false;
        (string Name, JsonNode? Body)? function = null;
        foreach (var (key, value) in spec)
        {
            switch (key)
            {
                case "filter":
                    filter = QueryParser.Parse(value);
                    break;
                case "weight":
                    weight = (float)JsonValues.ToDouble(value, key);
                    hasWeight = true;
                    break;
                case "field_value_factor" or "script_score" or "gauss" or "linear" or "exp" or "random_score":
                    if (function is not null)
                    {
                        throw StoreException.Parsing("failed to parse function_score functions. already found [" + function.Value.Name + "], now encountering [" + key + "].");
                    }

                    function = (key, value);
                    break;
                default:
                    throw StoreException.Parsing("function_score query does not support [" + key + "]");
            }
        }

        if (function is null)
        {
            return hasWeight ? new WeightFunction { Filter = filter, Weight = weight } : throw StoreException.Parsing("failed to parse [function_score] query. function is missing");
        }

        var (name, body) = function.Value;
        var options = body as JsonObject ?? throw StoreException.Parsing("[" + name + "] malformed");
        return name switch
        {
            "field_value_factor" => new FieldValueFactorFunction
            {
                Filter = filter,
                Weight = weight,
                Field = JsonValues.AsString(options["field"]) ?? throw StoreException.Parsing("[field_value_factor] requires a [field]"),
                Factor = options["factor"] is { } f ? JsonValues.ToDouble(f, "factor") : 1,
                Modifier = Modifier(options["modifier"]),
                Missing = options["missing"] is { } m ? JsonValues.ToDouble(m, "missing") : null,
            },
            "script_score" => new ScriptScoreFunction
            {
                Filter = filter,
                Weight = weight,
                Script = options["script"] is { } script ? Scripting.ScriptDefinition.Parse(script, null) : throw StoreException.Parsing("[script_score] requires a [script]"),
            },
            "random_score" => new RandomScoreFunction
            {
                Filter = filter,
                Weight = weight,
                Seed = options["seed"] is { } seed ? (JsonValues.IsNumber(seed) ? (int)(long)JsonValues.ToDouble(seed, "seed") : (JsonValues.AsString(seed) ?? string.Empty).GetHashCode(StringComparison.Ordinal)) : null,
                Field = JsonValues.AsString(options["field"]),
            },
            _ => Decay(name, options, filter, weight),
        };
    }

    private static string Modifier(JsonNode? node)
    {
        var modifier = (JsonValues.AsString(node) ?? "none").ToLowerInvariant();
        FieldValueFactorFunction.ModifierFor(modifier);
        return modifier;
    }

    private static DecayFunction Decay(string kind, JsonObject options, QueryNode? filter, float weight)
    {
        string? mode = null;
        (string Field, JsonObject Spec)? target = null;
        foreach (var (key, value) in options)
        {
            if (key == "multi_value_mode")
            {
                mode = JsonValues.AsString(value);
            }
            else if (value is JsonObject spec)
            {
                target = (key, spec);
            }
            else
            {
                throw StoreException.Parsing("[" + kind + "] malformed score function: unexpected [" + key + "]");
            }
        }

        var (field, specObj) = target ?? throw StoreException.Parsing("[" + kind + "] requires a field");
        QueryParser.RequireKnown(kind, specObj, "origin", "scale", "offset", "decay");
        var decay = specObj["decay"] is { } d ? JsonValues.ToDouble(d, "decay") : 0.5;
        if (decay is <= 0 or >= 1)
        {
            throw StoreException.IllegalArgument("decay must be in the range [0..1].");
        }

        return new DecayFunction
        {
            Filter = filter,
            Weight = weight,
            Kind = kind,
            Field = field,
            Origin = specObj["origin"],
            Scale = specObj["scale"] ?? throw StoreException.Parsing("[" + kind + "] must be supplied with a [scale] for field [" + field + "]"),
            Offset = specObj["offset"],
            Decay = decay,
            MultiValueMode = mode is null or "min" or "max" or "avg" or "sum" ? mode ?? "min" : throw StoreException.IllegalArgument("Unknown multi_value_mode [" + mode + "]"),
        };
    }
}
