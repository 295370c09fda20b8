using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>ids</c>: documents by <c>_id</c>.</summary>
internal sealed class IdsQuery : QueryNode
{
    public IdsQuery(IReadOnlyList<string> ids)
    {
        Ids = ids;
    }

    public IReadOnlyList<string> Ids { get; }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var bits = new DocBits(context.MaxDoc);
        foreach (var id in Ids)
        {
            var ord = context.Snapshot.FindId(id);
            if (ord >= 0)
            {
                bits.Set(ord);
            }
        }

        return new DocResult(bits, null, Boost);
    }
}
