using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>exists</c>: documents with at least one indexed value in the field (or under an object path; wildcards allowed).</summary>
internal sealed class ExistsQuery : QueryNode
{
    public ExistsQuery(string field)
    {
        Field = field;
    }

    public string Field { get; }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        switch (Field)
        {
            // Metadata fields every document has.
            case "_id" or "_index" or "_version" or "_seq_no" or "_primary_term":
                return new DocResult(context.Snapshot.AllLive(), null, Boost);
            case "_source":
                throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("The _source field is not searchable", context.IndexName));
        }

        var snapshot = context.Snapshot;
        var bits = new DocBits(snapshot.MaxDoc);
        var prefix = Field + ".";
        var wildcard = Field.Contains('*', StringComparison.Ordinal);
        foreach (var ord in snapshot.Live.Ordinals())
        {
            foreach (var (path, values) in snapshot.Doc(ord).Fields)
            {
                if ((wildcard ? Wildcard.Matches(Field, path) : path == Field || path.StartsWith(prefix, StringComparison.Ordinal)) && HasValue(values))
                {
                    bits.Set(ord);
                    break;
                }
            }
        }

        return new DocResult(bits, null, Boost);
    }

    private static bool HasValue(FieldValues v)
    {
        if (v.Mapping.IgnoreAbove is { } max && v.Keywords is { } kw)
        {
            return kw.Any(k => k.Length <= max);
        }

        return v.Keywords?.Count > 0 || v.Texts?.Count > 0 || v.Longs?.Count > 0 || v.Doubles?.Count > 0 || v.Points?.Count > 0 || v.Vector is not null;
    }
}
