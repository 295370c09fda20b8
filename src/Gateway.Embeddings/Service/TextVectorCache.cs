namespace Gateway.Embeddings.Service;

/// <summary>A thread-safe LRU map from (lower-cased) query text to its vector.</summary>
internal sealed class TextVectorCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>A copy of the cached vector, so callers cannot change the cache.</summary>
    public bool TryGet(string key, out float[] vector)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                vector = (float[])node.Value.Vector.Clone();
                return true;
            }
        }

        vector = [];
        return false;
    }

    public void Add(string key, float[] vector)
    {
        if (capacity <= 0)
        {
            return;
        }

        var copy = (float[])vector.Clone();
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(key);
            }

            _map[key] = _order.AddFirst((key, copy));
            while (_map.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
