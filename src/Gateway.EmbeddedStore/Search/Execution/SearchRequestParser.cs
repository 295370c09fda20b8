using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Knn;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Merges a search body with its URL parameters into a validated <see cref="SearchRequest"/>.</summary>
internal static class SearchRequestParser
{
    public const int MaxResultWindow = 10_000;

    public static SearchRequest Parse(JsonObject? body, IReadOnlyDictionary<string, string> parameters, bool countOnly = false)
    {
        var request = new SearchRequest();
        if (body is not null)
        {
            foreach (var (key, value) in body)
            {
                ParseBodyKey(request, key, value, countOnly);
            }
        }

        ApplyParameters(request, parameters);
        if (request.KnnBody is not null && parameters.ContainsKey("search_type"))
        {
            throw StoreException.IllegalArgument("cannot set [search_type] when using [knn] search, since the search type is determined automatically");
        }

        if (request.KnnBody is not null)
        {
            // k defaults to size, so the section is parsed once size is known.
            request.Knn.AddRange(KnnParser.ParseSection(request.KnnBody, request.Size));
        }

        if (request.StoredFields is { } stored && !request.SourceExplicit && !stored.Contains("_source"))
        {
            // Asking for stored fields without _source turns _source off, as in Elasticsearch.
            request.Source = new SourceFilter(false, [], []);
        }

        Validate(request, countOnly);
        request.NamedQueries = NamedQueries.Collect(request);
        return request;
    }

    private static void ParseBodyKey(SearchRequest request, string key, JsonNode? value, bool countOnly)
    {
        switch (key)
        {
            case "query":
                request.Query = QueryParser.Parse(value);
                break;
            case "post_filter":
                request.PostFilter = QueryParser.Parse(value);
                break;
            case "knn" when !countOnly:
                request.KnnBody = value;
                break;
            case "from":
                request.From = JsonValues.ToInt(value, "from");
                break;
            case "size":
                request.Size = JsonValues.ToInt(value, "size");
                break;
            case "sort":
                request.Sort = SortParser.Parse(value);
                break;
            case "_source":
                request.Source = SourceFilterParser.Parse(value);
                request.SourceExplicit = true;
                break;
            case "track_total_hits":
                request.TrackTotalHitsExplicit = true;
                request.TrackTotalHitsUpTo = value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? (v.GetValue<bool>() ? int.MaxValue : -1)
                    : JsonValues.ToInt(value, "track_total_hits");
                break;
            case "track_scores":
                request.TrackScores = JsonValues.ToBool(value, key);
                break;
            case "min_score":
                request.MinScore = (float)JsonValues.ToDouble(value, key);
                break;
            case "aggs" or "aggregations":
                request.Aggregations = value as JsonObject ?? throw StoreException.Parsing("Expected [START_OBJECT] under [" + key + "], but got a [" + JsonValues.TokenName(value) + "] in [" + key + "]");
                break;
            case "fields":
                request.Fields.AddRange(ParseFieldList(value));
                break;
            case "docvalue_fields":
                request.DocValueFields.AddRange(ParseFieldList(value));
                break;
            case "version":
                request.Version = JsonValues.ToBool(value, key);
                break;
            case "seq_no_primary_term":
                request.SeqNoPrimaryTerm = JsonValues.ToBool(value, key);
                break;
            case "search_after":
                request.SearchAfter = value as JsonArray;
                break;
            case "terminate_after":
                request.TerminateAfter = JsonValues.ToInt(value, key);
                break;
            case "explain":
                request.Explain = JsonValues.ToBool(value, key);
                break;
            case "profile":
                // false is the default; true asks for output (a profile) the store does not produce.
                if (JsonValues.ToBool(value, key))
                {
                    throw SearchParameters.Unsupported("[" + key + "]");
                }

                break;
            case "stored_fields":
                request.StoredFields = value is JsonArray sf ? sf.Select(v => JsonValues.AsString(v) ?? string.Empty).ToList() : [JsonValues.AsString(value) ?? string.Empty];
                break;
            case "highlight":
                request.Highlight = Highlight.HighlightParser.Parse(value);
                break;
            case "indices_boost":
                request.IndicesBoost = IndicesBoost.Parse(value);
                break;
            case "timeout" or "stats" or "pit":
                // Without effect on the hits: a search is never cut short (timed_out is truthfully false), stats
                // groups only feed statistics, and a point in time is resolved by the REST layer.
                break;
            case "collapse" when !countOnly:
                request.Collapse = Collapse.CollapseSpec.Parse(value);
                break;
            case "script_fields":
                request.ScriptFields.AddRange(Scripts.ScriptField.Parse(value));
                break;
            case "rescore" when !countOnly:
                request.Rescore.AddRange(Rescorer.ParseAll(value));
                break;
            case "suggest" or "runtime_mappings" or "ext" or "slice" or "retriever" or "rank"
                or "sub_searches" or "knn_vector_builder" or "query_vector_builder":
                throw SearchParameters.Unsupported("[" + key + "]");
            default:
                throw StoreException.Parsing("Unknown key for a " + JsonValues.TokenName(value) + " in [" + key + "].");
        }
    }

    private static void ApplyParameters(SearchRequest request, IReadOnlyDictionary<string, string> p)
    {
        SearchParameters.Validate(p);
        if (p.TryGetValue("q", out var q))
        {
            request.Query = QueryStringQuery.FromUrl(q, p.GetValueOrDefault("df"), p.GetValueOrDefault("default_operator"));
        }

        if (p.TryGetValue("explain", out var explain))
        {
            request.Explain = explain is "" or "true";
        }

        if (p.TryGetValue("size", out var size))
        {
            request.Size = ParseIntParam("size", size);
        }

        if (p.TryGetValue("from", out var from))
        {
            request.From = ParseIntParam("from", from);
        }

        if (p.TryGetValue("sort", out var sort))
        {
            request.Sort = SortParser.ParseUrl(sort);
        }

        var includes = p.GetValueOrDefault("_source_includes") ?? p.GetValueOrDefault("_source_include");
        var excludes = p.GetValueOrDefault("_source_excludes") ?? p.GetValueOrDefault("_source_exclude");
        if (p.TryGetValue("_source", out var source) || includes is not null || excludes is not null)
        {
            request.Source = SourceFilterParser.FromUrl(source, includes, excludes);
            request.SourceExplicit = true;
        }

        if (p.TryGetValue("_source_exclude_vectors", out var excludeVectors))
        {
            request.Source = request.Source.WithExcludeVectors(excludeVectors is "" or "true");
        }

        if (p.TryGetValue("track_total_hits", out var tth))
        {
            request.TrackTotalHitsUpTo = tth switch
            {
                "true" => int.MaxValue,
                "false" => -1,
                _ => ParseIntParam("track_total_hits", tth),
            };
        }

        request.RestTotalHitsAsInt = p.TryGetValue("rest_total_hits_as_int", out var asInt) && asInt is "" or "true";
        if (request.RestTotalHitsAsInt)
        {
            if (!request.TrackTotalHitsExplicit && !p.ContainsKey("track_total_hits"))
            {
                request.TrackTotalHitsUpTo = int.MaxValue;
            }
            else if (request.TrackTotalHitsUpTo is not (int.MaxValue or -1))
            {
                // An integer total cannot say "at least": Elasticsearch refuses the combination (RestSearchAction).
                throw StoreException.IllegalArgument("[rest_total_hits_as_int] cannot be used if the tracking of total hits is not accurate, got " + request.TrackTotalHitsUpTo);
            }
        }

        if (p.TryGetValue("track_scores", out var trackScores))
        {
            request.TrackScores = trackScores is "" or "true";
        }

        if (p.TryGetValue("stored_fields", out var storedFields))
        {
            request.StoredFields = [.. storedFields.Split(',', StringSplitOptions.RemoveEmptyEntries)];
        }

        request.TypedKeys = p.TryGetValue("typed_keys", out var typed) && typed is "" or "true";
        request.IncludeNamedQueriesScore = p.TryGetValue("include_named_queries_score", out var namedScores) && namedScores is "" or "true";
        if (p.TryGetValue("version", out var version))
        {
            request.Version = version is "" or "true";
        }

        if (p.TryGetValue("seq_no_primary_term", out var seqNo))
        {
            request.SeqNoPrimaryTerm = seqNo is "" or "true";
        }

        if (p.TryGetValue("terminate_after", out var ta))
        {
            request.TerminateAfter = ParseIntParam("terminate_after", ta);
        }

        if (p.TryGetValue("min_score", out var minScore))
        {
            request.MinScore = float.Parse(minScore, CultureInfo.InvariantCulture);
        }

        if (p.TryGetValue("docvalue_fields", out var dv))
        {
            request.DocValueFields.AddRange(dv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => new FieldAndFormat(f, null)));
        }
    }

    private static void Validate(SearchRequest request, bool countOnly)
    {
        if (request.From < 0)
        {
            throw StoreException.IllegalArgument("[from] parameter cannot be negative, found [" + request.From + "]");
        }

        if (request.Size < 0)
        {
            throw StoreException.IllegalArgument("[size] parameter cannot be negative, found [" + request.Size + "]");
        }

        if (request.TerminateAfter is <= 0)
        {
            throw StoreException.IllegalArgument("terminateAfter must be > 0");
        }

        if (!countOnly && request.From + request.Size > MaxResultWindow)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Result window is too large, from + size must be less than or equal to: [" + MaxResultWindow + "] but was [" + (request.From + request.Size) +
                "]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting."));
        }

        if (request.Collapse is { } collapse && request.SearchAfter is { } after && request.Sort is { } sort && after.Count == sort.Count
            && (sort.Count > 1 || sort[0].Field != collapse.Field))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Cannot use [collapse] in conjunction with [search_after] unless the search is sorted on the same field. Multiple sort fields are not allowed."));
        }

        if (request.TrackTotalHitsUpTo < -1)
        {
            throw StoreException.IllegalArgument("[track_total_hits] parameter must be positive or equals to -1, got " + request.TrackTotalHitsUpTo);
        }
    }

    private static int ParseIntParam(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw StoreException.IllegalArgument("Failed to parse int parameter [" + name + "] with value [" + value + "]");

    private static IEnumerable<FieldAndFormat> ParseFieldList(JsonNode? value)
    {
        var items = value is JsonArray array ? array.ToList() : [value];
        foreach (var item in items)
        {
            switch (item)
            {
                case JsonObject obj:
                    foreach (var (key, _) in obj)
                    {
                        if (key is not ("field" or "format" or "include_unmapped"))
                        {
                            throw StoreException.BadRequest("x_content_parse_exception", "[fetch_field_and_format] unknown field [" + key + "]");
                        }
                    }

                    var field = obj["field"]?.GetValue<string>() ?? throw StoreException.Parsing("[field] is required");
                    var includeUnmapped = obj["include_unmapped"] is { } unmapped && JsonValues.ToBool(unmapped, "include_unmapped");
                    yield return new FieldAndFormat(field, obj["format"]?.GetValue<string>(), includeUnmapped);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    yield return new FieldAndFormat(v.GetValue<string>(), null);
                    break;
                default:
                    throw StoreException.Parsing("Expected an array of strings or objects for [fields]");
            }
        }
    }
}
