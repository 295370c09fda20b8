using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>The hashes Elasticsearch uses to partition terms (<c>include.partition</c>).</summary>
internal static class Murmur3
{
    /// <summary>Lucene's StringHelper.murmurhash3_x86_32 over the term's UTF-8 bytes.</summary>
    public static int Hash32(string text, int seed) => Hash32(Encoding.UTF8.GetBytes(text), seed);

    /// <summary>Lucene's StringHelper.murmurhash3_x86_32 over <paramref name="data"/>.</summary>
    public static int Hash32(ReadOnlySpan<byte> data, int seed)
    {
        const uint c1 = 0xcc9e2d51;
        const uint c2 = 0x1b873593;
        var h1 = (uint)seed;
        var roundedEnd = data.Length & ~3;
        for (var i = 0; i < roundedEnd; i += 4)
        {
            var k1 = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i, 4));
            k1 *= c1;
            k1 = BitOperations.RotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
            h1 = BitOperations.RotateLeft(h1, 13);
            h1 = (h1 * 5) + 0xe6546b64;
        }

        uint tail = 0;
        switch (data.Length & 3)
        {
            case 3:
                tail = (uint)(data[roundedEnd + 2] << 16) | (uint)(data[roundedEnd + 1] << 8) | data[roundedEnd];
                break;
            case 2:
                tail = (uint)(data[roundedEnd + 1] << 8) | data[roundedEnd];
                break;
            case 1:
                tail = data[roundedEnd];
                break;
        }

        if ((data.Length & 3) != 0)
        {
            tail *= c1;
            tail = BitOperations.RotateLeft(tail, 15);
            tail *= c2;
            h1 ^= tail;
        }

        h1 ^= (uint)data.Length;
        h1 ^= h1 >> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >> 16;
        return (int)h1;
    }

    /// <summary>HPPC's BitMixer.mix64 (the murmur3 finaliser).</summary>
    public static long Mix64(long value)
    {
        var z = (ulong)value;
        z = (z ^ (z >> 32)) * 0x4cd6944c5cc20b6dUL;
        z = (z ^ (z >> 29)) * 0xfc12c5b19d3259e9UL;
        return (long)(z ^ (z >> 32));
    }

    public static int FloorMod(long x, int m) => (int)(((x % m) + m) % m);
}
