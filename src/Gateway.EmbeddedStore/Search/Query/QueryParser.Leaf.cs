using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Geo;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search.Query;

/// <content>Leaf and compound queries.</content>
internal static partial class QueryParser
{
    private static partial QueryNode? ParseMore(string type, JsonNode? body) => type switch
    {
        "term" => ParseTerm(body),
        "terms" => ParseTerms(body),
        "range" => RangeQuery.Parse(body),
        "exists" => ParseExists(body),
        "ids" => ParseIds(body),
        "prefix" or "wildcard" => ParsePattern(type, body),
        "bool" => ParseBool(body),
        "constant_score" => ParseConstantScore(body),
        "match" => ParseMatch(body),
        "multi_match" => ParseMultiMatch(body),
        "dis_max" => ParseDisMax(body),
        "function_score" => FunctionScoreParser.Parse(body),
        "query_string" or "simple_query_string" => ParseQueryString(type, body),
        "geo_distance" => ParseGeoDistance(body),
        "geo_bounding_box" => GeoBoundingBoxQuery.Parse(body),
        "nested" => NestedQuery.Parse(body),
        "dense_vector" => DenseVectorQuery.Parse(body),
        "knn" => new KnnQuery(KnnParser.Parse(body as JsonObject ?? throw StoreException.Parsing("[knn] query malformed"), null, "knn")),
        "vector_similarity" => ParseVectorSimilarity(body),
        "intervals" => Intervals.IntervalsParser.Parse(body),
        "match_bool_prefix" => ParseMatchBoolPrefix(body),
        "combined_fields" => ParseCombinedFields(body),
        "distance_feature" => DistanceFeatureQuery.Parse(body),
        "fuzzy" => ParseSingleField("fuzzy", body, FuzzyQuery.Parse),
        "regexp" => ParseSingleField("regexp", body, RegexpQuery.Parse),
        "script" => ScriptQuery.Parse(body),
        "script_score" => ScriptScoreQuery.Parse(body),
        _ => null,
    };

    private static (string Field, JsonNode? Spec, JsonObject Obj) SingleField(string type, JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[" + type + "] query malformed, no start_object after query name");
        TermQuery.RequireSingleField(type, obj);
        var (field, spec) = obj.First(p => p.Key is not "boost" and not "_name");
        return (field, spec, obj);
    }

    private static QueryNode ParseTerm(JsonNode? body)
    {
        var (field, spec, obj) = SingleField("term", body);
        if (spec is JsonObject options)
        {
            // "term" is the older name of "value" (TermQueryBuilder's TERM_FIELD), still read.
            RequireKnown("term", options, "value", "term", "case_insensitive");
            if (!options.ContainsKey("value") && !options.ContainsKey("term"))
            {
                throw StoreException.Parsing("[term] query does not support [" + string.Join(",", options.Select(o => o.Key)) + "]");
            }

            var q = new TermQuery(field, [options["value"] ?? options["term"]], options["case_insensitive"] is { } ci && JsonValues.ToBool(ci, "case_insensitive"), false);
            return WithCommon(WithCommon(q, options, "term"), obj, "term");
        }

        if (spec is JsonArray)
        {
            throw StoreException.Parsing("[term] query does not support array of values");
        }

        return WithCommon(new TermQuery(field, [spec], false, false), obj, "term");
    }

    private static QueryNode ParseTerms(JsonNode? body)
    {
        var (field, spec, obj) = SingleField("terms", body);
        if (spec is not JsonArray values)
        {
            throw StoreException.Parsing("[terms] query does not support [" + field + "]");
        }

        return WithCommon(new TermQuery(field, values.ToList(), false, true), obj, "terms");
    }

    private static QueryNode ParseExists(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[exists] query malformed");
        RequireKnown("exists", obj, "field");
        var field = JsonValues.AsString(obj["field"]) ?? throw StoreException.Parsing("[exists] must be provided with a [field]");
        return WithCommon(new ExistsQuery(field), obj, "exists");
    }

    private static QueryNode ParseIds(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[ids] query malformed");
        RequireKnown("ids", obj, "values");
        var values = obj["values"] as JsonArray ?? [];
        return WithCommon(new IdsQuery(values.Select(v => JsonValues.AsString(v) ?? string.Empty).ToList()), obj, "ids");
    }

    private static QueryNode ParsePattern(string type, JsonNode? body)
    {
        var (field, spec, obj) = SingleField(type, body);
        if (spec is JsonObject options)
        {
            RequireKnown(type, options, "value", type, "case_insensitive");
            var value = JsonValues.AsString(options["value"] ?? options[type == "wildcard" ? "wildcard" : "value"]) ?? throw StoreException.Parsing("[" + type + "] requires a value");
            var ci = options["case_insensitive"] is { } c && JsonValues.ToBool(c, "case_insensitive");
            return WithCommon(WithCommon(new PatternQuery(field, value, type == "prefix", ci), options, type), obj, type);
        }

        return WithCommon(new PatternQuery(field, JsonValues.AsString(spec) ?? string.Empty, type == "prefix", false), obj, type);
    }

    private static QueryNode ParseBool(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[bool] query malformed, no start_object after query name");
        var query = WithCommon(new BoolQuery(), obj, "bool");
        foreach (var (key, value) in obj)
        {
            var target = key switch
            {
                "must" => query.Must,
                "should" => query.Should,
                "filter" => query.Filter,
                "must_not" or "mustNot" => query.MustNot,
                _ => null,
            };
            if (target is not null)
            {
                target.AddRange(value is JsonArray array ? array.Select(Parse) : [Parse(value)]);
            }
            else if (key == "minimum_should_match")
            {
                query.MinimumShouldMatch = JsonValues.AsString(value);
            }
            else if (key is not "boost" and not "_name" and not "adjust_pure_negative")
            {
                throw StoreException.Parsing("[bool] query does not support [" + key + "]");
            }
        }

        return query;
    }

    private static QueryNode ParseConstantScore(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[constant_score] query malformed");
        RequireKnown("constant_score", obj, "filter");
        var filter = obj["filter"] ?? throw StoreException.Parsing("[constant_score] requires a 'filter' element");
        return WithCommon(new ConstantScoreQuery(Parse(filter)), obj, "constant_score");
    }

    private static QueryNode ParseMatch(JsonNode? body)
    {
        var (field, spec, obj) = SingleField("match", body);
        if (spec is JsonObject options)
        {
            RequireKnown("match", options, "query", "operator", "minimum_should_match", "analyzer", "zero_terms_query", "lenient", "auto_generate_synonyms_phrase_query", "fuzziness", "prefix_length", "max_expansions", "fuzzy_transpositions", "fuzzy_rewrite");
            var query = new MatchQuery
            {
                Field = field,
                Text = options["query"] ?? throw StoreException.Parsing("[match] requires query value"),
                AndOperator = string.Equals(JsonValues.AsString(options["operator"]), "and", StringComparison.OrdinalIgnoreCase),
                MinimumShouldMatch = JsonValues.AsString(options["minimum_should_match"]),
                Analyzer = JsonValues.AsString(options["analyzer"]),
                ZeroTermsAll = JsonValues.AsString(options["zero_terms_query"]) is "all",
                Lenient = options["lenient"] is { } l && JsonValues.ToBool(l, "lenient"),
                Fuzzy = FuzzyOptions.Parse("match", options),
            };
            return WithCommon(WithCommon(query, options, "match"), obj, "match");
        }

        return WithCommon(new MatchQuery { Field = field, Text = spec }, obj, "match");
    }

    private static QueryNode ParseMultiMatch(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[multi_match] query malformed");
        var type = JsonValues.AsString(obj["type"]) ?? "best_fields";
        if (type == "bool_prefix")
        {
            foreach (var option in new[] { "slop", "cutoff_frequency" })
            {
                if (obj.ContainsKey(option))
                {
                    throw StoreException.Parsing("[" + option + "] not allowed for type [bool_prefix]");
                }
            }
        }

        RequireKnown("multi_match", obj, "query", "type", "fields", "operator", "minimum_should_match", "tie_breaker", "lenient", "auto_generate_synonyms_phrase_query", "analyzer", "fuzziness", "prefix_length", "max_expansions", "fuzzy_transpositions", "fuzzy_rewrite");
        var text = obj["query"] ?? throw StoreException.Parsing("No text specified for multi_match query");
        if (type is not ("best_fields" or "most_fields" or "bool_prefix"))
        {
            throw StoreException.IllegalArgument("[multi_match] type [" + type + "] is not supported by this store; use best_fields, most_fields or bool_prefix");
        }

        var fieldSpecs = obj["fields"] is JsonArray fa ? fa.Select(f => JsonValues.AsString(f) ?? string.Empty).ToList() : ["*"];
        var andOp = Operator(obj["operator"]);
        var msm = JsonValues.AsString(obj["minimum_should_match"]);
        var tie = obj["tie_breaker"] is { } t ? (float)JsonValues.ToDouble(t, "tie_breaker") : 0f;
        var fuzzy = FuzzyOptions.Parse("multi_match", obj);
        Func<string, float, QueryNode>? clause = null;
        if (type == "bool_prefix")
        {
            var prefixText = JsonValues.AsString(text) ?? string.Empty;
            clause = (field, boost) => BoolPrefixFor(field, prefixText, obj, "multi_match", boost);
        }

        var query = new MultiMatchQuery(fieldSpecs, text, andOp, msm, type == "most_fields", tie, obj["lenient"] is { } l && JsonValues.ToBool(l, "lenient"))
        {
            Analyzer = JsonValues.AsString(obj["analyzer"]),
            Fuzzy = fuzzy,
            Clause = clause,
        };
        return WithCommon(query, obj, "multi_match");
    }

    private static QueryNode ParseDisMax(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[dis_max] query malformed");
        RequireKnown("dis_max", obj, "queries", "tie_breaker");
        var queries = obj["queries"] as JsonArray ?? throw StoreException.Parsing("[dis_max] requires 'queries' field with at least one clause");
        var tie = obj["tie_breaker"] is { } t ? (float)JsonValues.ToDouble(t, "tie_breaker") : 0f;
        return WithCommon(new CombinedQuery(queries.Select(Parse).ToList(), false, tie), obj, "dis_max");
    }

    private static QueryNode ParseQueryString(string type, JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[" + type + "] query malformed");
        RequireKnown(type, obj, "query", "default_field", "fields", "default_operator", "minimum_should_match");
        var text = JsonValues.AsString(obj["query"]) ?? throw StoreException.Parsing("[" + type + "] must be provided with a [query]");
        var df = JsonValues.AsString(obj["default_field"]) ?? (obj["fields"] is JsonArray { Count: 1 } f ? JsonValues.AsString(f[0]) : null);
        var op = JsonValues.AsString(obj["default_operator"]);
        var query = new QueryStringQuery(text, df, string.Equals(op, "and", StringComparison.OrdinalIgnoreCase)) { MinimumShouldMatch = JsonValues.AsString(obj["minimum_should_match"]) };
        return WithCommon(query, obj, type);
    }

    // vector_similarity: the num_candidates nearest (pre-filtered) vectors within the required similarity, i.e. a knn
    // query whose k is num_candidates (search.vectors/85_knn_similarity_search_byte.yml).
    private static QueryNode ParseVectorSimilarity(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[vector_similarity] query malformed");
        if (obj["similarity"] is null)
        {
            throw StoreException.IllegalArgument("[vector_similarity] requires [similarity]");
        }

        if (obj["num_candidates"] is null)
        {
            throw StoreException.IllegalArgument("[vector_similarity] requires [num_candidates]");
        }

        return new KnnQuery(KnnParser.Parse(obj, null, "vector_similarity"));
    }

    private static QueryNode ParseGeoDistance(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[geo_distance] query malformed");
        var distance = obj["distance"] ?? throw StoreException.Parsing("geo_distance requires 'distance' to be specified");
        var unit = JsonValues.AsString(obj["unit"]) ?? "m";
        var meters = JsonValues.IsNumber(distance)
            ? JsonValues.ToDouble(distance, "distance") * GeoMath.UnitMeters(unit)
            : GeoMath.ParseDistance(JsonValues.AsString(distance) ?? string.Empty, unit);
        var point = obj.FirstOrDefault(p => p.Key is not ("distance" or "unit" or "distance_type" or "validation_method" or "ignore_unmapped" or "boost" or "_name" or "optimize_bbox"));
        if (point.Key is null)
        {
            throw StoreException.Parsing("failed to parse [geo_distance] query. missing geo point field");
        }

        var query = new GeoDistanceQuery
        {
            Field = point.Key,
            Origin = GeoPointReader.Parse(point.Value, point.Key),
            Meters = meters,
            Plane = JsonValues.AsString(obj["distance_type"]) is "plane",
        };
        return WithCommon(query, obj, "geo_distance");
    }
}
