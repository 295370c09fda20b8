using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.InnerHits;
using Gateway.EmbeddedStore.Search.Nested;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>nested</c>, as Elasticsearch runs it: the inner query runs over the hidden documents of <see cref="Path"/> (one per
/// nested object, <see cref="NestedDocs"/>), and a document matches when one of its objects does, scored from its
/// matching objects' scores by <c>score_mode</c> (<c>avg</c> by default, <c>max</c>, <c>min</c>, <c>sum</c>, <c>none</c>
/// = 0) times the boost. Nests: a nested query inside another runs below the enclosing path's objects.
/// <c>ignore_unmapped</c> turns an unmapped path into no match; <c>inner_hits</c> returns the matching objects.
/// </summary>
internal sealed class NestedQuery : QueryNode, IInnerHitsSource
{
    private readonly Dictionary<SearchContext, DocResult> _inner = [];

    private NestedQuery(string path, QueryNode query, string scoreMode, bool ignoreUnmapped, InnerHitsSpec? innerHits)
    {
        Path = path;
        Query = query;
        ScoreMode = scoreMode;
        IgnoreUnmapped = ignoreUnmapped;
        Specs = innerHits is null ? [] : [innerHits];
        if (innerHits is not null)
        {
            // Inner hits highlight what the inner query looks for, and report its named clauses, as in Elasticsearch.
            innerHits.Request.Query ??= query;
            innerHits.Request.NamedQueries = Execution.NamedQueries.Collect(query);
        }
    }

    public string Path { get; }

    public QueryNode Query { get; }

    public string ScoreMode { get; }

    public bool IgnoreUnmapped { get; }

    public IReadOnlyList<InnerHitsSpec> Specs { get; }

    public static NestedQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[nested] query malformed, no start_object after query name");
        QueryParser.RequireKnown("nested", obj, "path", "query", "score_mode", "ignore_unmapped", "inner_hits");
        var path = JsonValues.AsString(obj["path"]) ?? throw StoreException.Parsing("[nested] requires 'path' field");
        if (obj["query"] is null)
        {
            throw StoreException.Parsing("[nested] requires 'query' field");
        }

        var mode = obj["score_mode"] is { } m ? JsonValues.AsString(m) : "avg";
        if (mode is not ("avg" or "max" or "min" or "sum" or "none"))
        {
            throw StoreException.IllegalArgument("No score mode for child query [" + mode + "] found");
        }

        var ignore = obj["ignore_unmapped"] is { } i && JsonValues.ToBool(i, "ignore_unmapped");
        var innerHits = obj.ContainsKey("inner_hits") ? InnerHitsSpec.Parse(obj["inner_hits"], path) : null;
        var query = new NestedQuery(path, QueryParser.Parse(obj["query"]), mode!, ignore, innerHits);
        return QueryParser.WithCommon(query, obj, "nested");
    }

    public override DocResult Execute(SearchContext context, bool scoring) => Execute(context, scoring, parentFilter: null);

    /// <summary>Runs with the enclosing bool's filter clauses, which pre-filter a kNN query on the objects (as in Elasticsearch).</summary>
    public DocResult Execute(SearchContext context, bool scoring, DocBits? parentFilter)
    {
        var field = context.Field(Path);
        if (!NestedPaths.IsNested(field))
        {
            if (field is null && IgnoreUnmapped)
            {
                return DocResult.Empty(context.MaxDoc);
            }

            var reason = field is null
                ? "[nested] failed to find nested object under path [" + Path + "]"
                : "[nested] nested object under path [" + Path + "] is not of nested type";
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard(reason, context.IndexName));
        }

        if (context.Level is { } level && !Path.StartsWith(level.Path + ".", StringComparison.Ordinal))
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard(
                "[nested] nested object under path [" + Path + "] is not below the enclosing nested path [" + level.Path + "]", context.IndexName));
        }

        foreach (var spec in Specs)
        {
            spec.CheckWindow();
        }

        var docs = NestedDocs.For(context, Path);
        var child = context.Nested(docs);
        child.KnnPreFilter = parentFilter is null ? null : NestedKnn.ObjectsOf(child, parentFilter);
        var inner = Query.Execute(child, scoring: true);
        _inner[context] = inner;
        if (Specs.Count > 0 && child.UsedNestedKnn)
        {
            // Elasticsearch's inner hits of a nested kNN query score every object of a hit, not only its nearest.
            child.ExactNestedKnn = true;
            _inner[context] = Query.Execute(child, scoring: true);
            child.ExactNestedKnn = false;
        }

        child.KnnPreFilter = null;

        if (Specs.Count > 0 && !context.InnerHits.Contains(this))
        {
            context.InnerHits.Add(this);
        }

        return Join(context, docs, inner, scoring && ScoreMode != "none");
    }

    public InnerHitsCandidates Candidates(SearchContext context, int ord, InnerHitsSpec spec)
    {
        var docs = NestedDocs.For(context, Path);
        var child = context.Nested(docs);
        var bits = new DocBits(Math.Max(child.MaxDoc, 1));
        if (!_inner.TryGetValue(context, out var inner))
        {
            return new InnerHitsCandidates([new ShardOutcome(0, child, bits, bits, _ => 0f)]);
        }

        var (start, end) = docs.Children(ord);
        for (var c = start; c < end; c++)
        {
            if (inner.Bits[c])
            {
                bits.Set(c);
            }
        }

        return new InnerHitsCandidates([new ShardOutcome(0, child, bits, bits, inner.Score)]);
    }

    private DocResult Join(SearchContext context, NestedDocs docs, DocResult inner, bool scoring)
    {
        var bits = new DocBits(context.MaxDoc);
        if (!scoring)
        {
            foreach (var c in inner.Bits.Ordinals())
            {
                bits.Set(docs.ParentOrd[c]);
            }

            return new DocResult(bits, null, ScoreMode == "none" ? 0f : Boost);
        }

        var scores = context.Scores();
        var counts = context.Counts();
        foreach (var c in inner.Bits.Ordinals())
        {
            var parent = docs.ParentOrd[c];
            var score = inner.Score(c);
            if (counts[parent]++ == 0)
            {
                bits.Set(parent);
                scores[parent] = score;
                continue;
            }

            scores[parent] = ScoreMode switch
            {
                "max" => Math.Max(scores[parent], score),
                "min" => Math.Min(scores[parent], score),
                _ => scores[parent] + score,
            };
        }

        foreach (var parent in bits.Ordinals())
        {
            scores[parent] = (ScoreMode == "avg" ? scores[parent] / counts[parent] : scores[parent]) * Boost;
        }

        return new DocResult(bits, scores, 0f);
    }
}
