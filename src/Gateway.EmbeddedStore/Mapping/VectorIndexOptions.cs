using System.Globalization;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// dense_vector <c>index_options</c>: Elasticsearch's defaults, parameters and checks for each index type, and the
/// shape GET _mapping reports. The store keeps its own exact and approximate kNN whatever the type (vectors are kept
/// at their element type's precision and re-scored exactly), so the options are validated and reported, not applied.
/// </summary>
internal static class VectorIndexOptions
{
    /// <summary>Lucene's HNSW limits (Lucene99HnswVectorsFormat).</summary>
    private const int MaxConn = 512;
    private const int MaxBeamWidth = 3200;

    /// <summary>Elasticsearch's BBQ_MIN_DIMS.</summary>
    private const int BbqMinDims = 64;

    /// <summary>The default for a field given none: ES 9.1's bbq_hnsw (dims ≥ 384) or int8_hnsw for float-like vectors, none for byte and bit.</summary>
    public static JsonObject? Default(VectorElementType element, int? dims)
    {
        if (dims is null || element is VectorElementType.Byte or VectorElementType.Bit)
        {
            return null;
        }

        return dims >= 384
            ? new JsonObject { ["type"] = "bbq_hnsw", ["m"] = 16, ["ef_construction"] = 100, ["rescore_vector"] = new JsonObject { ["oversample"] = 3.0 }, ["early_termination"] = false }
            : new JsonObject { ["type"] = "int8_hnsw", ["m"] = 16, ["ef_construction"] = 100, ["early_termination"] = false };
    }

    /// <summary>Validates <paramref name="given"/> for the field and returns it as Elasticsearch reports it.</summary>
    public static JsonObject Parse(JsonNode given, VectorElementType element, int? dims, string name)
    {
        if (given is not JsonObject options)
        {
            throw MappingErrors.MapperParsing("Failed to parse mapping: [index_options] on field [" + name + "] must be an object");
        }

        var remaining = options.ToDictionary(p => p.Key, p => p.Value);
        var type = remaining.Remove("type", out var typeNode) && typeNode is JsonValue t ? t.ToString()
            : throw MappingErrors.MapperParsing("[index_options] requires field [type] to be configured");
        var result = new JsonObject { ["type"] = type };
        switch (type)
        {
            case "hnsw":
                Hnsw(remaining, result);
                break;
            case "int8_hnsw" or "int4_hnsw":
                Hnsw(remaining, result);
                ConfidenceInterval(remaining, result, type == "int4_hnsw");
                Rescore(remaining, result, bbq: false);
                break;
            case "bbq_hnsw":
                Hnsw(remaining, result);
                Rescore(remaining, result, bbq: true);
                break;
            case "flat":
                break;
            case "int8_flat" or "int4_flat":
                ConfidenceInterval(remaining, result, type == "int4_flat");
                Rescore(remaining, result, bbq: false);
                break;
            case "bbq_flat":
                Rescore(remaining, result, bbq: true);
                break;
            default:
                throw MappingErrors.MapperParsing("Unknown vector index options type [" + type + "] for field [" + name + "]");
        }

        if (remaining.Count > 0)
        {
            throw MappingErrors.MapperParsing("Mapping definition for [" + name + "] has unsupported parameters:  " +
                string.Join(" ", remaining.Select(p => "[" + p.Key + " : " + p.Value?.ToJsonString() + "]")));
        }

        if (type is not ("hnsw" or "flat") && element is VectorElementType.Byte or VectorElementType.Bit)
        {
            throw MappingErrors.MapperParsing("[element_type] cannot be [" + VectorElementTypes.Name(element) + "] when using index type [" + type + "]");
        }

        if (dims is { } d)
        {
            ValidateDims(type, d);
        }

        // ES lists early_termination last, after the quantization parameters.
        if (result["early_termination"] is { } early)
        {
            result.Remove("early_termination");
            result["early_termination"] = early;
        }

        return result;
    }

    /// <summary>The dimension checks of an index type (also applied when dims are set by the first document).</summary>
    public static void ValidateDims(string type, int dims)
    {
        if (type is "int4_hnsw" or "int4_flat" && dims % 2 != 0)
        {
            throw MappingErrors.MapperParsing(type + " only supports even dimensions; provided=" + dims);
        }

        if (type is "bbq_hnsw" or "bbq_flat" && dims < BbqMinDims)
        {
            throw MappingErrors.MapperParsing(type + " does not support dimensions fewer than " + BbqMinDims + "; provided=" + dims);
        }
    }

    private static void Hnsw(Dictionary<string, JsonNode?> remaining, JsonObject result)
    {
        var m = remaining.Remove("m", out var mNode) ? Int(mNode, "m") : 16;
        var ef = remaining.Remove("ef_construction", out var efNode) ? Int(efNode, "ef_construction") : 100;
        if (m is <= 0 or > MaxConn)
        {
            throw MappingErrors.MapperParsing("maxConn must be positive and less than or equal to " + MaxConn + "; maxConn=" + m);
        }

        if (ef is <= 0 or > MaxBeamWidth)
        {
            throw MappingErrors.MapperParsing("beamWidth must be positive and less than or equal to " + MaxBeamWidth + "; beamWidth=" + ef);
        }

        result["m"] = m;
        result["ef_construction"] = ef;
        result["early_termination"] = !remaining.Remove("early_termination", out var early) || early is null ? false : Bool(early, "early_termination");
    }

    private static void ConfidenceInterval(Dictionary<string, JsonNode?> remaining, JsonObject result, bool int4)
    {
        double? interval = remaining.Remove("confidence_interval", out var node) && node is not null ? Number(node, "confidence_interval") : null;
        if (interval is { } ci && ci != 0 && (ci < 0.9 || ci > 1.0))
        {
            throw MappingErrors.MapperParsing("confidenceInterval must be between 0.9 and 1.0; confidenceInterval=" + ci.ToString(CultureInfo.InvariantCulture));
        }

        // int4 defaults to dynamic quantiles (0) and always reports it; int8 reports it only when given.
        if (interval is not null || int4)
        {
            result["confidence_interval"] = (float)(interval ?? 0);
        }
    }

    private static void Rescore(Dictionary<string, JsonNode?> remaining, JsonObject result, bool bbq)
    {
        if (!remaining.Remove("rescore_vector", out var node) || node is null)
        {
            if (bbq)
            {
                result["rescore_vector"] = new JsonObject { ["oversample"] = 3.0 };
            }

            return;
        }

        if (node is not JsonObject rescore)
        {
            throw MappingErrors.MapperParsing("[rescore_vector] must be an object");
        }

        var oversample = rescore["oversample"] is { } o ? Number(o, "oversample")
            : throw MappingErrors.MapperParsing("Invalid rescore_vector value. Missing required field oversample");
        if (oversample < 1 && oversample != 0)
        {
            throw MappingErrors.MapperParsing("oversample must be greater than 1 or exactly 0");
        }

        if (oversample > 10_000)
        {
            throw MappingErrors.MapperParsing("oversample must be less than or equal to 10000");
        }

        result["rescore_vector"] = new JsonObject { ["oversample"] = (float)oversample };
    }

    private static int Int(JsonNode? node, string key) => node is JsonValue v && int.TryParse(v.ToJsonString().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
        ? i
        : throw MappingErrors.MapperParsing("Failed to parse mapping: [" + key + "] must be an integer, got [" + node?.ToJsonString() + "]");

    // Read through the JSON text: a value built in code may hold a float or int rather than a JsonElement.
    private static double Number(JsonNode node, string key) => node is JsonValue v && double.TryParse(v.ToJsonString().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
        ? d
        : throw MappingErrors.MapperParsing("Failed to parse mapping: [" + key + "] must be a number, got [" + node.ToJsonString() + "]");

    private static bool Bool(JsonNode node, string key) => node is JsonValue v && (v.TryGetValue<bool>(out var b) || (v.TryGetValue<string>(out var s) && bool.TryParse(s, out b)))
        ? b
        : throw MappingErrors.MapperParsing("Failed to parse mapping: [" + key + "] must be a boolean, got [" + node.ToJsonString() + "]");
}
