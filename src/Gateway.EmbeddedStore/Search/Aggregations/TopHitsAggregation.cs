using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>top_hits</c>: the best documents of each bucket, rendered as search hits (Elasticsearch's
/// <c>TopHitsAggregationBuilder</c>): <c>from</c> (0), <c>size</c> (3), <c>sort</c> (by score by default, nested sorts
/// included), <c>_source</c>, <c>fields</c>, <c>docvalue_fields</c>, <c>stored_fields</c>, <c>highlight</c> (with the
/// search's query), <c>version</c>, <c>seq_no_primary_term</c>, <c>track_scores</c>; hits carry the search's
/// <c>matched_queries</c>. <c>explain: true</c> and <c>script_fields</c> are refused by name. Inside a nested
/// aggregation the hits are the nested objects, with <c>_nested</c>.
/// </summary>
internal sealed class TopHitsAggregation : Aggregation
{
    private static readonly string[] ValueKeys = ["from", "size", "version", "seq_no_primary_term", "explain", "track_scores", "_source", "stored_fields", "sort"];
    private static readonly string[] ObjectKeys = ["_source", "script_fields", "highlight", "sort"];
    private static readonly string[] ArrayKeys = ["stored_fields", "docvalue_fields", "fields", "sort", "_source"];

    private readonly SearchRequest _request;
    private readonly bool _ownFields;
    private IReadOnlyList<NamedQuery> _searchNamedQueries = [];

    public TopHitsAggregation(string name, JsonObject options)
        : base(name)
    {
        var body = new JsonObject();
        foreach (var (key, value) in options)
        {
            var known = value switch
            {
                JsonObject => ObjectKeys,
                JsonArray => ArrayKeys,
                _ => ValueKeys,
            };
            if (Array.IndexOf(known, key) < 0)
            {
                throw StoreException.Parsing("Unknown key for a " + JsonValues.TokenName(value) + " in [" + key + "].");
            }

            if (key == "script_fields")
            {
                throw SearchParameters.Unsupported("[top_hits] [script_fields]");
            }

            body[key] = value?.DeepClone();
        }

        var from = options["from"] is { } f ? JsonValues.ToInt(f, "from") : 0;
        if (from < 0)
        {
            throw StoreException.IllegalArgument("[from] must be greater than or equal to 0. Found [" + from + "] in [" + name + "]");
        }

        var size = options["size"] is { } s ? JsonValues.ToInt(s, "size") : 3;
        if (size < 0)
        {
            throw StoreException.IllegalArgument("[size] must be greater than or equal to 0. Found [" + size + "] in [" + name + "]");
        }

        body["from"] = from;
        body["size"] = size;
        _request = SearchRequestParser.Parse(body, new Dictionary<string, string>());
        _request.IsTopHits = true;
        _ownFields = options.ContainsKey("fields");
    }

    public override string TypedName(AggDocs docs) => "top_hits";

    /// <summary>
    /// Takes what the hits need from the search: its query (highlighting, named queries), the total's shape, and its
    /// <c>fields</c> when the aggregation names none (Elasticsearch's top_hits fetch the search's fields since 7.11).
    /// </summary>
    public void Bind(SearchRequest search)
    {
        if (!_ownFields)
        {
            _request.Fields.Clear();
            _request.Fields.AddRange(search.Fields);
        }

        _request.Query = search.Query;
        _request.PostFilter = search.PostFilter;
        _request.IncludeNamedQueriesScore = search.IncludeNamedQueriesScore;
        _request.RestTotalHitsAsInt = search.RestTotalHitsAsInt;
        _searchNamedQueries = search.NamedQueries;
    }

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var outcomes = new List<ShardOutcome>(docs.Parts.Count);
        foreach (var (outcome, bits) in docs.Parts)
        {
            var window = _request.From + _request.Size;
            if (window > outcome.Context.MaxInnerResultWindow)
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "Top hits result window is too large, the top hits aggregator [" + Name + "]'s from + size must be less than or equal to: [" +
                    outcome.Context.MaxInnerResultWindow + "] but was [" + window + "]. This limit can be set by changing the [index.max_inner_result_window] index level setting."));
            }

            outcomes.Add(new ShardOutcome(outcome.ShardIndex, outcome.Context, bits, bits, outcome.Score));
        }

        // The search's named clauses describe its documents; inside a nested aggregation the hits are objects they do not run on.
        _request.NamedQueries = docs.Parts.Any(p => p.Outcome.Context.Level is not null) ? [] : _searchNamedQueries;
        var page = HitCollector.Collect(outcomes, _request);
        var scoresVisible = _request.Sort is null || _request.TrackScores || _request.Sort.Any(s => s.IsScore);
        var total = docs.Count;
        float? maxScore = null;
        if (scoresVisible && total > 0)
        {
            maxScore = float.NegativeInfinity;
            foreach (var o in outcomes)
            {
                foreach (var ord in o.HitDocs.Ordinals())
                {
                    maxScore = Math.Max(maxScore.Value, o.Score(ord));
                }
            }
        }

        var hits = new JsonObject
        {
            ["total"] = _request.RestTotalHitsAsInt ? total : new JsonObject { ["value"] = total, ["relation"] = "eq" },
            ["max_score"] = maxScore,
            ["hits"] = new JsonArray([.. page.Select(h => (JsonNode)HitRenderer.Render(h, _request, scoresVisible))]),
        };
        return new JsonObject { ["hits"] = hits };
    }
}
