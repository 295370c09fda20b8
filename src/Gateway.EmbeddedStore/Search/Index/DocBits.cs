using System.Numerics;

namespace Gateway.EmbeddedStore.Search.Index;

/// <summary>A fixed-size bitset over document ordinals.</summary>
internal sealed class DocBits
{
    private readonly ulong[] _words;

    public DocBits(int length)
    {
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    private DocBits(int length, ulong[] words)
    {
        Length = length;
        _words = words;
    }

    public int Length { get; }

    internal ulong[] Words => _words;

    public bool this[int ord] => (_words[ord >> 6] & (1UL << ord)) != 0;

    public void Set(int ord) => _words[ord >> 6] |= 1UL << ord;

    public void Clear(int ord) => _words[ord >> 6] &= ~(1UL << ord);

    public DocBits Clone() => new(Length, (ulong[])_words.Clone());

    /// <summary>A copy resized to <paramref name="length"/> (new bits are clear).</summary>
    public DocBits CopyResized(int length)
    {
        var copy = new DocBits(length);
        Array.Copy(_words, copy._words, Math.Min(_words.Length, copy._words.Length));
        if ((length & 63) != 0 && copy._words.Length > 0 && length < Length)
        {
            copy._words[^1] &= (1UL << (length & 63)) - 1;
        }

        return copy;
    }

    public void And(DocBits other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= other._words[i];
        }
    }

    public void Or(DocBits other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public void AndNot(DocBits other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= ~other._words[i];
        }
    }

    public int Count()
    {
        var n = 0;
        foreach (var w in _words)
        {
            n += BitOperations.PopCount(w);
        }

        return n;
    }

    /// <summary>Every set ordinal in ascending order.</summary>
    public IEnumerable<int> Ordinals()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                var bit = BitOperations.TrailingZeroCount(w);
                yield return (i << 6) + bit;
                w &= w - 1;
            }
        }
    }

    /// <summary>Writes the set ordinals into a new array.</summary>
    public int[] ToArray()
    {
        var result = new int[Count()];
        var n = 0;
        for (var i = 0; i < _words.Length; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                result[n++] = (i << 6) + BitOperations.TrailingZeroCount(w);
                w &= w - 1;
            }
        }

        return result;
    }
}
