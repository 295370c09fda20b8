using System.Buffers.Text;
using System.Text;

namespace Gateway.EmbeddedStore.Search.Cursors;

/// <summary>
/// The store's open scrolls and points in time, each with its keep-alive. Expired ones are freed when any
/// cursor is next touched (the clock is the store's <see cref="TimeProvider"/>), so an expired id answers
/// <c>search_context_missing_exception</c> exactly when Elasticsearch would.
/// </summary>
internal sealed class SearchCursors : IDisposable
{
    private const string ScrollPrefix = "scroll:";
    private const string PitPrefix = "pit:";
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<long, Entry<ScrollCursor>> _scrolls = [];
    private readonly Dictionary<long, Entry<PointInTime>> _pits = [];
    private long _nextId;

    public SearchCursors(TimeProvider time, int maxOpenScrolls = 500)
    {
        _time = time;
        MaxOpenScrolls = maxOpenScrolls;
    }

    /// <summary>Elasticsearch's <c>search.max_open_scroll_context</c> (default 500).</summary>
    public int MaxOpenScrolls { get; }

    public int OpenScrolls
    {
        get
        {
            lock (_gate)
            {
                Sweep();
                return _scrolls.Count;
            }
        }
    }

    public int OpenPointsInTime
    {
        get
        {
            lock (_gate)
            {
                Sweep();
                return _pits.Count;
            }
        }
    }

    /// <summary>Checks the limit before a scroll's search runs, so a refused scroll costs nothing.</summary>
    public void EnsureScrollCapacity()
    {
        lock (_gate)
        {
            Sweep();
            if (_scrolls.Count >= MaxOpenScrolls)
            {
                throw CursorErrors.TooManyScrolls(MaxOpenScrolls);
            }
        }
    }

    public string AddScroll(ScrollCursor cursor, TimeSpan keepAlive)
    {
        lock (_gate)
        {
            Sweep();
            if (_scrolls.Count >= MaxOpenScrolls)
            {
                cursor.Dispose();
                throw CursorErrors.TooManyScrolls(MaxOpenScrolls);
            }

            var id = ++_nextId;
            _scrolls[id] = new Entry<ScrollCursor>(cursor, _time.GetUtcNow() + keepAlive, keepAlive);
            return Encode(ScrollPrefix, id);
        }
    }

    /// <summary>The scroll with this id, its keep-alive renewed (by the last one when none is given); 404 when it is gone.</summary>
    public ScrollCursor Scroll(string scrollId, TimeSpan? keepAlive)
    {
        var id = Decode(ScrollPrefix, scrollId, "scroll id");
        lock (_gate)
        {
            Sweep();
            if (!_scrolls.TryGetValue(id, out var entry))
            {
                throw CursorErrors.Missing(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var renewed = keepAlive ?? entry.KeepAlive;
            _scrolls[id] = entry with { Expires = _time.GetUtcNow() + renewed, KeepAlive = renewed };
            return entry.Value;
        }
    }

    /// <summary>Frees the listed scrolls; returns how many existed. An unparsable id is a 400 before anything is freed.</summary>
    public int ClearScrolls(IReadOnlyList<string> scrollIds)
    {
        var ids = scrollIds.Select(s => Decode(ScrollPrefix, s, "scroll id")).ToList();
        lock (_gate)
        {
            Sweep();
            var freed = 0;
            foreach (var id in ids)
            {
                if (_scrolls.Remove(id, out var entry))
                {
                    entry.Value.Dispose();
                    freed++;
                }
            }

            return freed;
        }
    }

    public int ClearAllScrolls()
    {
        lock (_gate)
        {
            Sweep();
            var freed = _scrolls.Count;
            foreach (var entry in _scrolls.Values)
            {
                entry.Value.Dispose();
            }

            _scrolls.Clear();
            return freed;
        }
    }

    public PointInTime OpenPointInTime(IReadOnlyList<SearchTarget> targets, TimeSpan keepAlive)
    {
        lock (_gate)
        {
            Sweep();
            var id = ++_nextId;
            var pit = new PointInTime(Encode(PitPrefix, id), targets.Select(t => t.Pin()).ToList());
            _pits[id] = new Entry<PointInTime>(pit, _time.GetUtcNow() + keepAlive, keepAlive);
            return pit;
        }
    }

    /// <summary>The point in time with this id, its keep-alive renewed when one is given; 404 when it is gone.</summary>
    public PointInTime PointInTime(string pitId, TimeSpan? keepAlive)
    {
        var id = Decode(PitPrefix, pitId, "point in time id");
        lock (_gate)
        {
            Sweep();
            if (!_pits.TryGetValue(id, out var entry))
            {
                throw CursorErrors.Missing(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (keepAlive is { } renewed)
            {
                _pits[id] = entry with { Expires = _time.GetUtcNow() + renewed, KeepAlive = renewed };
            }

            return entry.Value;
        }
    }

    public bool ClosePointInTime(string pitId)
    {
        var id = Decode(PitPrefix, pitId, "point in time id");
        lock (_gate)
        {
            Sweep();
            return _pits.Remove(id);
        }
    }

    public void Dispose() => ClearAllScrolls();

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, entry) in _scrolls.Where(e => e.Value.Expires <= now).ToList())
        {
            _scrolls.Remove(id);
            entry.Value.Dispose();
        }

        foreach (var id in _pits.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
        {
            _pits.Remove(id);
        }
    }

    // Ids are opaque URL-safe base64 to clients, like Elasticsearch's; inside, a kind prefix and a number.
    private static string Encode(string prefix, long id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static long Decode(string prefix, string encoded, string what)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded));
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
            // Falls through to the 400 below.
        }

        throw CursorErrors.Unparsable(what);
    }

    private sealed record Entry<T>(T Value, DateTimeOffset Expires, TimeSpan KeepAlive);
}
