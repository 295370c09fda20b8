using Gateway.EmbeddedStore.Search.Knn;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Runs a request's query, kNN sections and filters on one index snapshot.</summary>
internal static class ShardSearcher
{
    public static ShardOutcome Run(int shardIndex, SearchContext context, SearchRequest request, QueryNode? aliasFilter, float indexBoost = 1f)
    {
        if (request.DocValueFields.Count > context.MaxDocvalueFieldsSearch)
        {
            throw SearchErrors.AllShardsFailed(Errors.StoreException.IllegalArgument(
                "Trying to retrieve too many docvalue_fields. Must be less than or equal to: [" + context.MaxDocvalueFieldsSearch + "] but was [" +
                request.DocValueFields.Count + "]. This limit can be set by changing the [index.max_docvalue_fields_search] index level setting."));
        }

        Rescoring.Validate(context, request);
        DocResult? main = null;
        if (request.Query is not null || request.Knn.Count == 0)
        {
            var query = request.Query ?? new MatchAllQuery();
            if (aliasFilter is not null && request.Query is not null)
            {
                // A filtered alias pre-filters kNN queries, as a bool filter does.
                var wrapped = new BoolQuery();
                wrapped.Must.Add(query);
                wrapped.Filter.Add(aliasFilter);
                query = wrapped;
            }

            main = query.Execute(context, scoring: true);
        }

        var bits = main?.Bits.Clone() ?? new Index.DocBits(context.MaxDoc);
        Dictionary<int, float>? knnScores = null;
        foreach (var knn in request.Knn)
        {
            var found = KnnExecutor.Search(context, knn, aliasFilter?.Execute(context, scoring: false).Bits);
            knnScores ??= [];
            if (knn.Name is not null)
            {
                context.NamedResults[knn] = NamedQueries.Found(context, found, knn.Boost);
            }

            foreach (var (ord, score) in found)
            {
                bits.Set(ord);
                knnScores[ord] = knnScores.GetValueOrDefault(ord) + (score * knn.Boost);
            }
        }

        if (aliasFilter is not null)
        {
            bits.And(aliasFilter.Execute(context, scoring: false).Bits);
        }

        Func<int, float> scoreOf = (main, knnScores) switch
        {
            (null, null) => _ => 0f,
            ({ } m, null) => m.Score,
            (null, { } k) => ord => k.GetValueOrDefault(ord),
            ({ } m, { } k) => ord => (m.Bits[ord] ? m.Score(ord) : 0f) + k.GetValueOrDefault(ord),
        };

        if (indexBoost != 1f)
        {
            // indices_boost multiplies the whole query's score, before min_score, as Elasticsearch's query phase does.
            var unboosted = scoreOf;
            scoreOf = ord => unboosted(ord) * indexBoost;
        }

        if (request.MinScore is { } minScore)
        {
            foreach (var ord in bits.ToArray())
            {
                if (scoreOf(ord) < minScore)
                {
                    bits.Clear(ord);
                }
            }
        }

        var hits = bits;
        if (request.PostFilter is not null)
        {
            hits = bits.Clone();
            hits.And(request.PostFilter.Execute(context, scoring: false).Bits);
        }

        return new ShardOutcome(shardIndex, context, bits, hits, scoreOf);
    }
}
