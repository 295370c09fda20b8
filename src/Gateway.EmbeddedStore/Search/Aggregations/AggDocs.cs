using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>The documents an aggregation (or one bucket) runs over, per index.</summary>
internal sealed class AggDocs
{
    public AggDocs(IReadOnlyList<(ShardOutcome Outcome, DocBits Bits)> parts)
    {
        Parts = parts;
    }

    public IReadOnlyList<(ShardOutcome Outcome, DocBits Bits)> Parts { get; }

    public long Count => Parts.Sum(p => (long)p.Bits.Count());

    /// <summary>Every document with the field's values (null when it has none).</summary>
    public IEnumerable<(ShardOutcome Outcome, int Ord, FieldValues? Values)> WithField(string field)
    {
        foreach (var (outcome, bits) in Parts)
        {
            var snapshot = outcome.Context.Snapshot;
            foreach (var ord in bits.Ordinals())
            {
                snapshot.Doc(ord).Fields.TryGetValue(snapshot.Resolve(field), out var values);
                yield return (outcome, ord, values);
            }
        }
    }

    /// <summary>A subset: for each index, the documents <paramref name="select"/> accepts.</summary>
    public AggDocs Where(Func<ShardOutcome, int, bool> select)
    {
        var parts = new List<(ShardOutcome, DocBits)>(Parts.Count);
        foreach (var (outcome, bits) in Parts)
        {
            var subset = new DocBits(bits.Length);
            foreach (var ord in bits.Ordinals())
            {
                if (select(outcome, ord))
                {
                    subset.Set(ord);
                }
            }

            parts.Add((outcome, subset));
        }

        return new AggDocs(parts);
    }

    /// <summary>The documents that also match <paramref name="query"/>.</summary>
    public AggDocs Matching(Query.QueryNode query) =>
        new(Parts.Select(p =>
        {
            var bits = p.Bits.Clone();
            bits.And(query.Execute(p.Outcome.Context, scoring: false).Bits);
            return (p.Outcome, bits);
        }).ToList());

    /// <summary>The documents in both this set and <paramref name="other"/> (the same indices, in the same order).</summary>
    public AggDocs Intersect(AggDocs other) =>
        new(Parts.Select((p, i) =>
        {
            var bits = p.Bits.Clone();
            bits.And(other.Parts[i].Bits);
            return (p.Outcome, bits);
        }).ToList());

    /// <summary>Builds per-index subsets from ordinal lists gathered by a bucketing pass.</summary>
    public static AggDocs FromOrdinals(IReadOnlyList<(ShardOutcome Outcome, DocBits Bits)> template, Dictionary<ShardOutcome, List<int>> ords)
    {
        var parts = new List<(ShardOutcome, DocBits)>(template.Count);
        foreach (var (outcome, bits) in template)
        {
            var subset = new DocBits(bits.Length);
            if (ords.TryGetValue(outcome, out var list))
            {
                foreach (var ord in list)
                {
                    subset.Set(ord);
                }
            }

            parts.Add((outcome, subset));
        }

        return new AggDocs(parts);
    }
}
