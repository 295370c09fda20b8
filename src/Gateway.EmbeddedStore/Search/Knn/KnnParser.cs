using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Parses top-level <c>knn</c> sections and <c>knn</c> queries with Elasticsearch's defaults and checks.</summary>
internal static class KnnParser
{
    public const int NumCandidatesLimit = 10_000;

    /// <summary>Parses a top-level <c>knn</c> object or array; <paramref name="size"/> is the default k.</summary>
    public static List<KnnSearch> ParseSection(JsonNode? node, int size)
    {
        var items = node switch
        {
            JsonArray array => array.ToList(),
            JsonObject => [node],
            _ => throw StoreException.Parsing("[knn] expects an object or an array of objects"),
        };
        return items.Select(item => Parse(item as JsonObject ?? throw StoreException.Parsing("[knn] expects an object"), size, "knn", topLevel: true)).ToList();
    }

    public static KnnSearch Parse(JsonObject obj, int? defaultK, string context, bool topLevel = false)
    {
        string? field = null;
        float[]? vector = null;
        string? encoded = null;
        int? k = null, numCandidates = null;
        float? similarity = null;
        var boost = 1f;
        string? name = null;
        var filters = new List<QueryNode>();
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "field":
                    field = JsonValues.AsString(value);
                    break;
                case "query_vector":
                    if (value is JsonValue && JsonValues.AsString(value) is { } text)
                    {
                        encoded = VectorText.Decode(text, VectorElementType.Float, null, hexForFloats: true, out _) is not null ||
                            VectorText.Decode(text, VectorElementType.Byte, null, hexForFloats: true, out _) is not null
                            ? text
                            : throw new StoreException(400, "x_content_parse_exception", "[" + context + "] failed to parse field [query_vector]")
                            {
                                CausedBy = StoreException.IllegalArgument("[" + text + "] is neither a hex nor a base64 encoded vector"),
                            };
                    }
                    else
                    {
                        vector = ParseVector(value);
                    }

                    break;
                case "k":
                    k = JsonValues.ToInt(value, key);
                    break;
                case "num_candidates":
                    numCandidates = JsonValues.ToInt(value, key);
                    break;
                case "similarity":
                    similarity = (float)JsonValues.ToDouble(value, key);
                    break;
                case "boost":
                    boost = (float)JsonValues.ToDouble(value, key);
                    break;
                case "_name":
                    name = JsonValues.AsString(value);
                    break;
                case "filter":
                    filters.AddRange(value is JsonArray fa ? fa.Select(QueryParser.Parse) : [QueryParser.Parse(value)]);
                    break;
                case "query_vector_builder":
                    throw Wrapped(context, StoreException.IllegalArgument("[query_vector_builder] only the [lookup] builder is supported by this store; provide [query_vector] otherwise"));
                case "rescore_vector":
                    // Every result is scored exactly on the stored vectors (full precision for every index_options
                    // type), which is what rescoring gives: the option is validated and changes nothing.
                    ValidateRescore(value, context);
                    break;
                case "inner_hits":
                    throw Wrapped(context, StoreException.IllegalArgument("[inner_hits] is not supported by this store"));
                default:
                    throw StoreException.BadRequest("x_content_parse_exception", "[" + context + "] unknown field [" + key + "]");
            }
        }

        if (field is null)
        {
            throw Wrapped(context, StoreException.IllegalArgument("[field] must be provided"));
        }

        if (vector is null && encoded is null)
        {
            throw Wrapped(context, StoreException.IllegalArgument("either [query_vector] or [query_vector_builder] must be provided"));
        }

        if (k is < 1)
        {
            throw Wrapped(context, StoreException.IllegalArgument("[k] must be greater than 0"));
        }

        var effectiveK = k ?? defaultK ?? numCandidates ?? 10;
        var candidates = numCandidates ?? (int)Math.Round(Math.Min(NumCandidatesLimit, 1.5 * effectiveK));
        if (numCandidates is < 1 && k is null)
        {
            throw Wrapped(context, StoreException.IllegalArgument("[num_candidates] must be greater than 0"));
        }

        if (candidates > NumCandidatesLimit)
        {
            throw Wrapped(context, StoreException.IllegalArgument("[num_candidates] cannot exceed [" + NumCandidatesLimit + "]"));
        }

        if (candidates < effectiveK)
        {
            throw Wrapped(context, StoreException.IllegalArgument("[num_candidates] cannot be less than [k]"));
        }

        return new KnnSearch
        {
            Field = field,
            QueryVector = vector,
            EncodedQueryVector = encoded,
            TopLevel = topLevel,
            K = effectiveK,
            NumCandidates = candidates,
            Filters = filters,
            Similarity = similarity,
            Boost = boost,
            Name = name,
        };
    }

    private static void ValidateRescore(JsonNode? value, string context)
    {
        if (value is not JsonObject rescore)
        {
            throw Wrapped(context, StoreException.Parsing("[rescore_vector] must be an object"));
        }

        foreach (var (key, _) in rescore)
        {
            if (key != "oversample")
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[rescore_vector] unknown field [" + key + "]");
            }
        }

        var oversample = rescore["oversample"] is { } node ? JsonValues.ToDouble(node, "oversample")
            : throw Wrapped(context, StoreException.IllegalArgument("[oversample] must be set"));
        if (oversample < 1 && oversample != 0)
        {
            throw Wrapped(context, StoreException.IllegalArgument("[oversample] must be >= 1.0 or exactly 0"));
        }
    }

    private static StoreException Wrapped(string context, StoreException cause) =>
        new(400, "x_content_parse_exception", "[" + context + "] failed to parse field [" + context + "]") { CausedBy = cause };

    private static float[] ParseVector(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                var result = new float[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    result[i] = (float)JsonValues.ToDouble(array[i], "query_vector");
                }

                return result;
            default:
                throw StoreException.Parsing("[query_vector] must be an array of numbers or an encoded string");
        }
    }
}
