using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Cursors;

/// <summary>
/// One scroll: the search ran once over the snapshots of its indices, and every hit is kept in order;
/// each page renders the next <c>size</c> of them. Holds the searches' scratch arrays until disposed.
/// </summary>
internal sealed class ScrollCursor : IDisposable
{
    private readonly object _gate = new();
    private readonly int _targetCount;
    private readonly SearchRequest _request;
    private readonly List<ShardOutcome> _outcomes;
    private readonly List<Hit> _hits;
    private readonly TimeProvider _time;
    private int _position;
    private bool _disposed;

    public ScrollCursor(int targetCount, SearchRequest request, List<ShardOutcome> outcomes, List<Hit> hits, TimeProvider time)
    {
        _time = time;
        _targetCount = targetCount;
        _request = request;
        _outcomes = outcomes;
        _hits = hits;
    }

    /// <summary>
    /// Renders the next page (the first one carries the aggregations, as in Elasticsearch);
    /// <paramref name="restTotalHitsAsInt"/> is the page request's own flag.
    /// </summary>
    public JsonObject NextPage(bool? restTotalHitsAsInt)
    {
        var started = _time.GetTimestamp();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var first = _position == 0;
            var page = _hits.GetRange(_position, Math.Min(_request.Size, _hits.Count - _position));
            _position += page.Count;
            if (restTotalHitsAsInt is { } asInt)
            {
                _request.RestTotalHitsAsInt = asInt;
            }

            return SearchService.Render(_targetCount, _request, _outcomes, page, _time, started, aggregations: first);
        }
    }

    /// <summary>Every hit's index and document, in order (what <c>_delete_by_query</c>, <c>_update_by_query</c> and <c>_reindex</c> walk).</summary>
    public List<(string Index, Documents.ParsedDocument Document)> Documents()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _hits.Select(h => (h.Outcome.Context.IndexName, h.Outcome.Context.Snapshot.Doc(h.Ord))).ToList();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            SearchService.Release(_outcomes);
        }
    }
}
