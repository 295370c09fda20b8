using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Aggregations;
using Gateway.EmbeddedStore.Search.Cursors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Explain;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search;

/// <summary>
/// The embedded store's search engine: query DSL, kNN, sorting, paging, source filtering and
/// aggregations over <see cref="SearchShard"/> snapshots, answering in Elasticsearch's shapes.
/// Public so a host can hand it to <see cref="EmbeddedStore.Open"/>; everything else about it is internal.
/// </summary>
public sealed class SearchService : ISearchService
{
    private readonly TimeProvider _time;

    /// <summary>Creates the service using the system clock.</summary>
    public SearchService()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the service with an explicit clock (date math such as <c>now-1d</c> uses it).</summary>
    public SearchService(TimeProvider time)
    {
        _time = time;
    }

    ISearchShard ISearchService.CreateShard(string indexName, IndexMapping mapping) => CreateShard(indexName, mapping);

    JsonObject ISearchService.Search(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) =>
        Search(targets, body, parameters, cancellationToken);

    JsonObject ISearchService.Count(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) =>
        Count(targets, body, parameters, cancellationToken);

    /// <inheritdoc cref="ISearchService.CreateShard"/>
    internal SearchShard CreateShard(string indexName, IndexMapping mapping) => new(indexName, mapping);

    /// <inheritdoc cref="ISearchService.Search"/>
    internal JsonObject Search(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(parameters);
        return BadInputAsStoreException(() => SearchCore(targets, body, parameters, cancellationToken));
    }

    /// <inheritdoc cref="ISearchService.Count"/>
    internal JsonObject Count(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(parameters);
        return BadInputAsStoreException(() => CountCore(targets, body, parameters, cancellationToken));
    }

    // Values of the wrong JSON type or malformed numbers deep inside a request surface as .NET
    // exceptions; they are the client's fault and answer 400 in Elasticsearch's shape, never 500.
    private static T BadInputAsStoreException<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            throw new StoreException(400, "x_content_parse_exception", "failed to parse search request: " + ex.Message);
        }
    }

    private JsonObject SearchCore(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var request = SearchRequestParser.Parse(body, parameters);
        if (targets.Count > 1 && parameters.GetValueOrDefault("search_type") == "dfs_query_then_fetch")
        {
            // Term statistics are per index here; dfs would pool them across the indices searched.
            throw SearchParameters.Unsupported("[search_type] [dfs_query_then_fetch] over more than one index");
        }

        var outcomes = Run(targets, request, cancellationToken);
        try
        {
            request.Collapse?.Prepare(outcomes);
            var ranked = Rescoring.Apply(outcomes, request);
            return Render(targets.Count, request, ranked, HitCollector.Collect(ranked, request), _time, started, aggregations: true, aggregationOutcomes: outcomes);
        }
        finally
        {
            Release(outcomes);
        }
    }

    /// <summary>
    /// The explain API: why the document with <paramref name="id"/> in <paramref name="target"/>'s searchable snapshot
    /// matches <paramref name="query"/> (and an alias filter) or not, as a search would score it.
    /// </summary>
    internal DocumentExplanation Explain(SearchTarget target, string id, QueryNode query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return BadInputAsStoreException(() =>
        {
            var snapshot = target.Shard is SearchShard shard ? shard.Snapshot : throw new NotSupportedException("Search targets must use shards created by SearchService.");
            var ord = snapshot.FindId(id);
            if (ord < 0)
            {
                return new DocumentExplanation(false, null);
            }

            using var context = new SearchContext(target.IndexName, target.Mapping, snapshot, _time.GetUtcNow(), cancellationToken)
            {
                MaxTermsCount = IndexLimits.MaxTermsCount(target.Settings),
                MaxRegexLength = IndexLimits.MaxRegexLength(target.Settings),
            };
            if (target.AliasFilter is { } filter)
            {
                // A filtered alias filters the query, as the search through it does.
                var wrapped = new BoolQuery();
                wrapped.Must.Add(query);
                wrapped.Filter.Add(QueryParser.Parse(filter));
                query = wrapped;
            }

            return new DocumentExplanation(true, new QueryExplainer(context).Explain(query, ord));
        });
    }

    /// <summary>
    /// Runs a scroll's search once and keeps every matching hit in order; the cursor renders the first page
    /// now and the following ones on <c>_search/scroll</c>, over the same snapshots.
    /// </summary>
    internal ScrollCursor OpenScroll(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return BadInputAsStoreException(() =>
        {
            var request = SearchRequestParser.Parse(body, parameters);

            // A scroll always counts its hits exactly, as in Elasticsearch.
            request.TrackTotalHitsUpTo = int.MaxValue;
            var outcomes = Run(targets, request, cancellationToken);
            try
            {
                return new ScrollCursor(targets.Count, request, outcomes, HitCollector.Ordered(outcomes, request), _time);
            }
            catch
            {
                Release(outcomes);
                throw;
            }
        });
    }

    /// <summary>The search answer for one page of <paramref name="hits"/>; <c>took</c> counts from <paramref name="started"/> (a timestamp of <paramref name="time"/>).</summary>
    /// <remarks>Aggregations run over <paramref name="aggregationOutcomes"/> when given: the first-pass scores, before rescoring.</remarks>
    internal static JsonObject Render(int targetCount, SearchRequest request, List<ShardOutcome> outcomes, List<Hit> hits, TimeProvider time, long started, bool aggregations,
        List<ShardOutcome>? aggregationOutcomes = null)
    {
        var scoresVisible = request.Sort is null || request.TrackScores || request.Sort.Any(s => s.IsScore);
        var total = outcomes.Sum(o => (long)o.HitDocs.Count());

        var hitsJson = new JsonObject();
        AddTotal(hitsJson, total, request);
        hitsJson["max_score"] = scoresVisible && hits.Count > 0 ? MaxScore(outcomes) : null;
        hitsJson["hits"] = new JsonArray(hits.Select(h => (JsonNode)HitRenderer.Render(h, request, scoresVisible)).ToArray());

        var response = new JsonObject
        {
            ["took"] = (long)time.GetElapsedTime(started).TotalMilliseconds,
            ["timed_out"] = false,
        };
        if (request.TerminateAfter is { } ta)
        {
            response["terminated_early"] = total >= ta;
        }

        response["_shards"] = Shards(targetCount);
        response["hits"] = hitsJson;
        if (aggregations && request.Aggregations is { } aggs)
        {
            response["aggregations"] = AggregationRunner.Run(aggs, aggregationOutcomes ?? outcomes, request, time);
        }

        return response;
    }

    private JsonObject CountCore(IReadOnlyList<SearchTarget> targets, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        if (body is not null)
        {
            foreach (var (key, value) in body)
            {
                if (key != "query")
                {
                    throw StoreException.Parsing("request does not support [" + key + "]");
                }
            }
        }

        var request = SearchRequestParser.Parse(body, parameters, countOnly: true);
        var outcomes = Run(targets, request, cancellationToken);
        long count = 0;
        foreach (var o in outcomes)
        {
            var c = o.HitDocs.Count();
            count += request.TerminateAfter is { } ta ? Math.Min(c, ta) : c;
        }

        Release(outcomes);

        var response = new JsonObject { ["count"] = count };
        if (request.TerminateAfter is { } t)
        {
            response["terminated_early"] = outcomes.Any(o => o.HitDocs.Count() >= t);
        }

        response["_shards"] = Shards(targets.Count);
        return response;
    }

    private List<ShardOutcome> Run(IReadOnlyList<SearchTarget> targets, SearchRequest request, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var ordered = targets.Select((t, i) => (Target: t, Order: i)).OrderBy(t => t.Target.IndexName, StringComparer.Ordinal).ToList();
        var outcomes = new List<ShardOutcome>(targets.Count);
        SearchContext? running = null;
        try
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var target = ordered[i].Target;
                var snapshot = target.Pinned ?? (target.Shard is SearchShard shard
                    ? shard.Snapshot
                    : throw new NotSupportedException("Search targets must use shards created by SearchService."));
                running = new SearchContext(target.IndexName, target.Mapping, snapshot, now, cancellationToken)
                {
                    ExcludeSourceVectors = target.ExcludeSourceVectors,
                    MaxTermsCount = IndexLimits.MaxTermsCount(target.Settings),
                    MaxRegexLength = IndexLimits.MaxRegexLength(target.Settings),
                    MaxRescoreWindow = IndexLimits.MaxRescoreWindow(target.Settings),
                    MaxInnerResultWindow = IndexLimits.MaxInnerResultWindow(target.Settings),
                    MaxDocvalueFieldsSearch = IndexLimits.MaxDocvalueFieldsSearch(target.Settings),
                    TopMetricsMaxSize = IndexLimits.TopMetricsMaxSize(target.Settings),
                };
                if (request.ScriptFields.Count > IndexLimits.MaxScriptFields(target.Settings))
                {
                    throw SearchErrors.AllShardsFailed(Errors.StoreException.IllegalArgument(
                        "Trying to retrieve too many script_fields. Must be less than or equal to: [" + IndexLimits.MaxScriptFields(target.Settings) + "] but was [" +
                        request.ScriptFields.Count + "]. This limit can be set by changing the [index.max_script_fields] index level setting."));
                }

                var aliasFilter = target.AliasFilter is { } f ? QueryParser.Parse(f) : null;
                outcomes.Add(ShardSearcher.Run(i, running, request, aliasFilter, IndicesBoost.For(request.IndicesBoost, target)));
                running = null;
            }
        }
        catch
        {
            running?.Dispose();
            Release(outcomes);
            throw;
        }

        return outcomes;
    }

    /// <summary>Returns the searches' scratch arrays once nothing reads their scores any more.</summary>
    internal static void Release(List<ShardOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            outcome.Context.Dispose();
        }
    }

    private static void AddTotal(JsonObject hits, long total, SearchRequest request)
    {
        if (request.TrackTotalHitsUpTo < 0)
        {
            if (request.RestTotalHitsAsInt)
            {
                hits["total"] = -1;
            }

            return;
        }

        var capped = total > request.TrackTotalHitsUpTo;
        var value = capped ? request.TrackTotalHitsUpTo : total;
        hits["total"] = request.RestTotalHitsAsInt
            ? JsonValue.Create(value)
            : new JsonObject { ["value"] = value, ["relation"] = capped ? "gte" : "eq" };
    }

    private static float MaxScore(List<ShardOutcome> outcomes)
    {
        var max = float.NegativeInfinity;
        foreach (var o in outcomes)
        {
            foreach (var ord in o.Candidates.Ordinals())
            {
                max = Math.Max(max, o.Score(ord));
            }
        }

        return max;
    }

    private static JsonObject Shards(int count) => new()
    {
        ["total"] = count,
        ["successful"] = count,
        ["skipped"] = 0,
        ["failed"] = 0,
    };
}
