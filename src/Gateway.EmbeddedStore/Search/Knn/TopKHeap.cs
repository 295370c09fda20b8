namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Keeps the <c>capacity</c> best (key, ordinal) pairs; ties prefer the lower ordinal.</summary>
internal sealed class TopKHeap
{
    private readonly float[] _keys;
    private readonly int[] _ords;
    private int _count;

    public TopKHeap(int capacity)
    {
        Capacity = Math.Max(1, capacity);
        _keys = new float[Capacity];
        _ords = new int[Capacity];
    }

    public int Capacity { get; }

    public int Count => _count;

    /// <summary>The worst key kept so far once full; anything not better is rejected.</summary>
    public float Threshold => _count < Capacity ? float.NegativeInfinity : _keys[0];

    public void Add(float key, int ord)
    {
        if (_count < Capacity)
        {
            var i = _count++;
            _keys[i] = key;
            _ords[i] = ord;
            SiftUp(i);
        }
        else if (Better(key, ord, _keys[0], _ords[0]))
        {
            _keys[0] = key;
            _ords[0] = ord;
            SiftDown(0);
        }
    }

    public void AddAll(TopKHeap other)
    {
        for (var i = 0; i < other._count; i++)
        {
            Add(other._keys[i], other._ords[i]);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public List<(int Ord, float Key)> ToSortedList()
    {
        var list = new List<(int Ord, float Key)>(_count);
        for (var i = 0; i < _count; i++)
        {
            list.Add((_ords[i], _keys[i]));
        }

        list.Sort((a, b) => a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Ord.CompareTo(b.Ord));
        return list;
    }

    // "Better" = higher key, or equal key and lower ordinal.
    private static bool Better(float key, int ord, float otherKey, int otherOrd) =>
        key > otherKey || (key == otherKey && ord < otherOrd);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Better(_keys[parent], _ords[parent], _keys[i], _ords[i]))
            {
                break;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _count)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < _count && Better(_keys[left], _ords[left], _keys[right], _ords[right]))
            {
                worst = right;
            }

            if (!Better(_keys[i], _ords[i], _keys[worst], _ords[worst]))
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_keys[a], _keys[b]) = (_keys[b], _keys[a]);
        (_ords[a], _ords[b]) = (_ords[b], _ords[a]);
    }
}
