using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// One query rescorer (Elasticsearch's <c>QueryRescorerBuilder</c>): the top <c>window_size</c> hits (default 10) of
/// each index get a new score, <c>score_mode</c> (<c>total</c>, <c>multiply</c>, <c>avg</c>, <c>max</c>, <c>min</c>)
/// of the first score × <c>query_weight</c> and the <c>rescore_query</c> score × <c>rescore_query_weight</c> (both 1);
/// a hit the rescore query does not match keeps the first score × <c>query_weight</c>. The script and learning-to-rank
/// rescorers are refused by name.
/// </summary>
internal sealed class Rescorer
{
    public const int DefaultWindowSize = 10;

    private Rescorer(int windowSize, QueryNode query, float queryWeight, float rescoreQueryWeight, string scoreMode)
    {
        WindowSize = windowSize;
        Query = query;
        QueryWeight = queryWeight;
        RescoreQueryWeight = rescoreQueryWeight;
        ScoreMode = scoreMode;
    }

    public int WindowSize { get; }

    public QueryNode Query { get; }

    public float QueryWeight { get; }

    public float RescoreQueryWeight { get; }

    public string ScoreMode { get; }

    /// <summary>Parses <c>rescore</c>: one rescorer object or an array of them.</summary>
    public static List<Rescorer> ParseAll(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(Parse)],
        JsonObject => [Parse(node)],
        _ => throw StoreException.Parsing("Unknown key for a " + JsonValues.TokenName(node) + " in [rescore]."),
    };

    public float Combine(float first, bool matched, float second)
    {
        var primary = first * QueryWeight;
        if (!matched)
        {
            return primary;
        }

        var secondary = second * RescoreQueryWeight;
        return ScoreMode switch
        {
            "multiply" => primary * secondary,
            "avg" => (primary + secondary) / 2,
            "max" => Math.Max(primary, secondary),
            "min" => Math.Min(primary, secondary),
            _ => primary + secondary,
        };
    }

    private static Rescorer Parse(JsonNode? node)
    {
        var obj = node as JsonObject ?? throw StoreException.Parsing("Unknown key for a " + JsonValues.TokenName(node) + " in [rescore].");
        int? windowSize = null;
        Rescorer? rescorer = null;
        foreach (var (key, value) in obj)
        {
            switch (value)
            {
                case JsonObject options when key == "query":
                    rescorer = ParseQuery(options);
                    break;
                case JsonObject when key is "script" or "learning_to_rank":
                    throw SearchParameters.Unsupported("the [" + key + "] rescorer");
                case JsonObject:
                    throw new StoreException(400, "named_object_not_found_exception", "unknown field [" + key + "]");
                case JsonValue when key == "window_size":
                    windowSize = JsonValues.ToInt(value, key);
                    break;
                case JsonValue:
                    throw StoreException.Parsing("rescore doesn't support [" + key + "]");
                default:
                    throw StoreException.Parsing("unexpected token [" + JsonValues.TokenName(value) + "] after [" + key + "]");
            }
        }

        if (rescorer is null)
        {
            throw StoreException.Parsing("missing rescore type");
        }

        if (windowSize is { } size)
        {
            if (size < 0)
            {
                throw StoreException.IllegalArgument("rescore window_size must be >= 0");
            }

            rescorer = new Rescorer(size, rescorer.Query, rescorer.QueryWeight, rescorer.RescoreQueryWeight, rescorer.ScoreMode);
        }

        return rescorer;
    }

    private static Rescorer ParseQuery(JsonObject options)
    {
        QueryNode? query = null;
        float queryWeight = 1, rescoreQueryWeight = 1;
        var scoreMode = "total";
        foreach (var (key, value) in options)
        {
            switch (key)
            {
                case "rescore_query":
                    query = QueryParser.Parse(value);
                    break;
                case "query_weight":
                    queryWeight = (float)JsonValues.ToDouble(value, key);
                    break;
                case "rescore_query_weight":
                    rescoreQueryWeight = (float)JsonValues.ToDouble(value, key);
                    break;
                case "score_mode":
                    scoreMode = JsonValues.AsString(value) switch
                    {
                        "total" or "multiply" or "avg" or "max" or "min" => JsonValues.AsString(value)!,
                        var other => throw StoreException.IllegalArgument("illegal score_mode [" + other + "]"),
                    };
                    break;
                default:
                    throw new StoreException(400, "x_content_parse_exception", "[query] unknown field [" + key + "]");
            }
        }

        return new Rescorer(DefaultWindowSize, query ?? throw StoreException.IllegalArgument("rescore_query cannot be null"), queryWeight, rescoreQueryWeight, scoreMode);
    }
}
