using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>The document an intervals source is evaluated on, with the snapshot's position indexes.</summary>
internal sealed class IntervalDoc
{
    private readonly SearchContext _context;

    public IntervalDoc(SearchContext context) => _context = context;

    public int Ord { get; set; }

    public PositionIndex Positions(string field) => PositionIndex.For(_context.Snapshot, field);
}
