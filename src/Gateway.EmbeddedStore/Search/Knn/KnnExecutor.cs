using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Runs one <see cref="KnnSearch"/> on a snapshot: pre-filter, top-k, similarity threshold.</summary>
internal static class KnnExecutor
{
    public static List<(int Ord, float Score)> Search(SearchContext context, KnnSearch knn, DocBits? extraFilter = null)
    {
        var field = context.Field(knn.Field);
        if (field is null)
        {
            return [];
        }

        if (field.Kind != FieldKind.DenseVector)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "[knn] queries are only supported on [dense_vector] fields, but field [" + knn.Field + "] is of type [" + FieldTypeNames.Of(field.Kind) + "]"));
        }

        if (!field.Indexed)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "to perform knn search on field [" + knn.Field + "], its mapping must have [index] set to [true]"));
        }

        var query = KnnQueryVector.Resolve(knn, field);
        var nestedPath = Nested.NestedKnn.PathBelow(context, knn.Field);
        var candidates = context.Snapshot.AllLive();
        foreach (var filter in knn.Filters)
        {
            // A kNN query on nested objects filters their parents, as Elasticsearch joins its filter to them.
            candidates.And(nestedPath is null && context.Level is not null
                ? Nested.NestedKnn.ObjectsOf(context, filter.Execute(context.Parent!, scoring: false).Bits)
                : filter.Execute(context, scoring: false).Bits);
        }

        if (extraFilter is not null)
        {
            candidates.And(extraFilter);
        }

        if (context.KnnPreFilter is { } parentFilter)
        {
            candidates.And(parentFilter);
        }

        if (nestedPath is not null)
        {
            return Nested.NestedKnn.SearchParents(context, knn, query, nestedPath, candidates);
        }

        if (context.Level is not null)
        {
            return Nested.NestedKnn.SearchObjects(context, knn, query, candidates);
        }

        if (knn.InnerHits is not null)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("[inner_hits] can only be used with a [knn] search on a field inside [nested] objects, not on [" + knn.Field + "]"));
        }

        if (!context.Snapshot.Vectors.TryGetValue(knn.Field, out var view))
        {
            return [];
        }

        var top = VectorScan.TopK(view, query, candidates, knn.K, knn.NumCandidates);
        var result = new List<(int Ord, float Score)>(top.Count);
        var threshold = knn.Similarity is { } sim ? VectorScoring.ThresholdScore(view.Similarity, view.ElementType, sim, field.Dims ?? VectorElementTypes.Dims(view.ElementType, view.Dims)) : float.NegativeInfinity;
        foreach (var (ord, score) in top)
        {
            if (score >= threshold)
            {
                result.Add((ord, score));
            }
        }

        return result;
    }
}
