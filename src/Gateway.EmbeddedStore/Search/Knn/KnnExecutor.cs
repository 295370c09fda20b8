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
        if (!context.Snapshot.Vectors.TryGetValue(knn.Field, out var view))
        {
            return [];
        }

        var candidates = context.Snapshot.AllLive();
        foreach (var filter in knn.Filters)
        {
            candidates.And(filter.Execute(context, scoring: false).Bits);
        }

        if (extraFilter is not null)
        {
            candidates.And(extraFilter);
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
