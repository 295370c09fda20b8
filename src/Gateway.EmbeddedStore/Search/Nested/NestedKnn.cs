using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.InnerHits;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search.Nested;

/// <summary>
/// kNN over vectors inside nested objects, as Elasticsearch runs it: a document is as near as its nearest object, and
/// the k results are k different documents (Lucene's diversifying children query). A top-level <c>knn</c> on such a
/// field searches the root documents (its <c>filter</c> and the alias filter pre-filter them) and may ask for
/// <c>inner_hits</c>: every object of a hit whose vector passes the <c>similarity</c> threshold, scored by it (times the
/// boost). A <c>knn</c> query inside a <c>nested</c> query matches the nearest object of each of the k nearest parents;
/// its inner hits score every object of the parent (Elasticsearch's exact re-scoring of nested kNN inner hits).
/// </summary>
internal sealed class NestedKnn : IInnerHitsSource
{
    private readonly NestedDocs _docs;
    private readonly Dictionary<int, float> _scores;

    private NestedKnn(NestedDocs docs, Dictionary<int, float> scores, InnerHitsSpec spec)
    {
        _docs = docs;
        _scores = scores;
        Specs = [spec];
    }

    public IReadOnlyList<InnerHitsSpec> Specs { get; }

    /// <summary>The nested path below <paramref name="context"/>'s level that holds <paramref name="field"/>, or null when its documents hold it.</summary>
    public static string? PathBelow(SearchContext context, string field)
    {
        var level = context.Level?.Path;
        var path = NestedPaths.Parent(context.Mapping, field);
        if (path is null || path == level)
        {
            return null;
        }

        if (level is not null && !path.StartsWith(level + ".", StringComparison.Ordinal))
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard(
                "[knn] field [" + field + "] is not below the enclosing nested path [" + level + "]", context.IndexName));
        }

        // The nested path right below the level: the hidden documents the level's documents hold.
        while (NestedPaths.Parent(context.Mapping, path) is { } up && up != level)
        {
            path = up;
        }

        return path;
    }

    /// <summary>The k nearest documents of <paramref name="context"/> by their objects under <paramref name="path"/>.</summary>
    public static List<(int Ord, float Score)> SearchParents(SearchContext context, KnnSearch knn, float[] query, string path, DocBits parents)
    {
        var docs = NestedDocs.For(context, path);
        var child = context.Nested(docs);
        var candidates = new DocBits(Math.Max(child.MaxDoc, 1));
        for (var c = 0; c < child.MaxDoc; c++)
        {
            if (parents[docs.ParentOrd[c]])
            {
                candidates.Set(c);
            }
        }

        var scored = Score(child, knn, query, candidates);
        if (knn.InnerHits is { } innerHits)
        {
            var spec = InnerHitsSpec.Parse(innerHits, path);
            spec.CheckWindow();
            context.InnerHits.Add(new NestedKnn(docs, scored.ToDictionary(s => s.Ord, s => s.Score * knn.Boost), spec));
        }

        return Best(scored, docs.ParentOrd, knn.K);
    }

    /// <summary>
    /// A <c>knn</c> query on the hidden documents of <paramref name="context"/>: the nearest object of each of the k
    /// nearest parents, or, for inner hits (<see cref="SearchContext.ExactNestedKnn"/>), every object within the threshold.
    /// </summary>
    public static List<(int Ord, float Score)> SearchObjects(SearchContext context, KnnSearch knn, float[] query, DocBits candidates)
    {
        var scored = Score(context, knn, query, candidates);
        if (context.ExactNestedKnn)
        {
            return scored;
        }

        context.UsedNestedKnn = true;
        var level = context.Level!;
        var best = new Dictionary<int, (int Ord, float Score)>();
        foreach (var (ord, score) in scored)
        {
            var parent = level.ParentOrd[ord];
            if (!best.TryGetValue(parent, out var current) || score > current.Score)
            {
                best[parent] = (ord, score);
            }
        }

        return [.. best.Values.OrderByDescending(b => b.Score).ThenBy(b => b.Ord).Take(knn.K)];
    }

    /// <summary>The objects of <paramref name="context"/> (a nested level) whose parent is in <paramref name="parents"/>.</summary>
    public static DocBits ObjectsOf(SearchContext context, DocBits parents)
    {
        var level = context.Level!;
        var objects = new DocBits(Math.Max(context.MaxDoc, 1));
        for (var c = 0; c < context.MaxDoc; c++)
        {
            if (parents[level.ParentOrd[c]])
            {
                objects.Set(c);
            }
        }

        return objects;
    }

    public InnerHitsCandidates Candidates(SearchContext context, int ord, InnerHitsSpec spec)
    {
        var child = context.Nested(_docs);
        var bits = new DocBits(Math.Max(child.MaxDoc, 1));
        var (start, end) = _docs.Children(ord);
        for (var c = start; c < end; c++)
        {
            if (_scores.ContainsKey(c))
            {
                bits.Set(c);
            }
        }

        return new InnerHitsCandidates([new ShardOutcome(0, child, bits, bits, c => _scores.GetValueOrDefault(c))]);
    }

    // Every candidate object's exact score, those below the similarity threshold left out.
    private static List<(int Ord, float Score)> Score(SearchContext context, KnnSearch knn, float[] query, DocBits candidates)
    {
        if (!context.Snapshot.Vectors.TryGetValue(knn.Field, out var view))
        {
            return [];
        }

        var count = candidates.Count();
        var dims = context.Field(knn.Field)?.Dims ?? VectorElementTypes.Dims(view.ElementType, view.Dims);
        var threshold = knn.Similarity is { } sim ? VectorScoring.ThresholdScore(view.Similarity, view.ElementType, sim, dims) : float.NegativeInfinity;
        return [.. VectorScan.TopK(view, query, candidates, count, count, forceExact: true).Where(s => s.Score >= threshold)];
    }

    private static List<(int Ord, float Score)> Best(List<(int Ord, float Score)> scored, int[] parentOrd, int k)
    {
        var best = new Dictionary<int, float>();
        foreach (var (ord, score) in scored)
        {
            var parent = parentOrd[ord];
            best[parent] = Math.Max(best.GetValueOrDefault(parent, float.NegativeInfinity), score);
        }

        return [.. best.Select(b => (Ord: b.Key, Score: b.Value)).OrderByDescending(b => b.Score).ThenBy(b => b.Ord).Take(k)];
    }
}
