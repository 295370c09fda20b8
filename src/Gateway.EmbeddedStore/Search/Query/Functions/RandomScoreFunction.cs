using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query.Functions;

/// <summary>
/// <c>random_score</c>: a uniform score in [0, 1) per document. With a <c>seed</c> it is reproducible (a hash of the
/// seed and the document's <c>_id</c>, or of <c>field</c>'s first value); without one it changes per request.
/// The values are not Elasticsearch's (its hash of the doc id is internal), only their distribution is.
/// </summary>
internal sealed class RandomScoreFunction : ScoreFunction
{
    public int? Seed { get; init; }

    public string? Field { get; init; }

    public override Func<int, double> Bind(SearchContext context)
    {
        var seed = Seed ?? Random.Shared.Next();
        var snapshot = context.Snapshot;
        return ord =>
        {
            var doc = snapshot.Doc(ord);
            var key = doc.Id;
            if (Field is { } field && field != "_id" && doc.Fields.TryGetValue(field, out var values))
            {
                key = values.Keywords?.FirstOrDefault() ?? FieldNumbers.Of(values).FirstOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var hash = Aggregations.Murmur3.Hash32(key, seed);
            return (hash & 0x00FFFFFF) / (double)(1 << 24);
        };
    }
}
