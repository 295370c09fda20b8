using System.Buffers.Binary;

namespace Gateway.Embeddings.Images;

/// <summary>
/// Just enough of an ISO-BMFF/HEIF reader to find the primary image's size (for the decompression-bomb check)
/// and its thumbnail items (<c>iref</c> type <c>thmb</c>), and to make a copy of the file whose primary item
/// (<c>pitm</c>) is a thumbnail, so that libheif decodes a 416×312 HEVC frame instead of a 48-tile 12 MP grid.
/// Rotation and mirroring stay right because libheif applies each item's own <c>irot</c>/<c>imir</c>
/// properties, and iPhones associate them with the thumbnail as well as with the primary image.
/// </summary>
internal sealed class HeifContainer
{
    private HeifContainer(uint primaryId, int pitmIdOffset, int pitmIdSize, Dictionary<uint, (int Width, int Height)> sizes, List<uint> thumbnails)
    {
        PrimaryId = primaryId;
        _pitmIdOffset = pitmIdOffset;
        _pitmIdSize = pitmIdSize;
        _sizes = sizes;
        Thumbnails = thumbnails;
    }

    private readonly int _pitmIdOffset;
    private readonly int _pitmIdSize;
    private readonly Dictionary<uint, (int Width, int Height)> _sizes;

    public uint PrimaryId { get; }

    public IReadOnlyList<uint> Thumbnails { get; }

    /// <summary>Stored (unrotated) size of an item from its <c>ispe</c> property, if it has one.</summary>
    public (int Width, int Height)? SizeOf(uint itemId) => _sizes.TryGetValue(itemId, out var s) ? s : null;

    /// <summary>The smallest thumbnail whose shorter side is at least <paramref name="minShortEdge"/> and longer side at least <paramref name="minLongEdge"/>.</summary>
    public uint? FindThumbnail(int minShortEdge, int minLongEdge)
    {
        uint? best = null;
        var bestArea = long.MaxValue;
        foreach (var id in Thumbnails)
        {
            if (SizeOf(id) is not { } s)
            {
                continue;
            }
            var (shortEdge, longEdge) = (Math.Min(s.Width, s.Height), Math.Max(s.Width, s.Height));
            var area = (long)s.Width * s.Height;
            if (shortEdge >= minShortEdge && longEdge >= minLongEdge && area < bestArea)
            {
                (best, bestArea) = (id, area);
            }
        }
        return best;
    }

    /// <summary>A copy of <paramref name="file"/> whose primary item is <paramref name="itemId"/> (same length, one field changed).</summary>
    public byte[] WithPrimary(ReadOnlySpan<byte> file, uint itemId)
    {
        var copy = file.ToArray();
        if (_pitmIdSize == 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(_pitmIdOffset, 2), checked((ushort)itemId));
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(_pitmIdOffset, 4), itemId);
        }
        return copy;
    }

    /// <summary>Parses the <c>meta</c> box; null when the file is not a HEIF this reader understands.</summary>
    public static HeifContainer? TryParse(ReadOnlySpan<byte> file)
    {
        try
        {
            return Parse(file);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static HeifContainer? Parse(ReadOnlySpan<byte> file)
    {
        if (!FindBox(file, 0, file.Length, "meta"u8, out var metaStart, out var metaEnd))
        {
            return null;
        }
        // meta is a FullBox: 4 bytes of version and flags before its children.
        var children = metaStart + 4;
        if (!FindBox(file, children, metaEnd, "pitm"u8, out var pitmStart, out _))
        {
            return null;
        }
        var pitmIdSize = file[pitmStart] == 0 ? 2 : 4;
        var primaryId = ReadId(file, pitmStart + 4, pitmIdSize);
        var thumbnails = new List<uint>();
        if (FindBox(file, children, metaEnd, "iref"u8, out var irefStart, out var irefEnd))
        {
            ReadThumbnailRefs(file, irefStart, irefEnd, primaryId, thumbnails);
        }
        var sizes = new Dictionary<uint, (int, int)>();
        if (FindBox(file, children, metaEnd, "iprp"u8, out var iprpStart, out var iprpEnd))
        {
            ReadSizes(file, iprpStart, iprpEnd, sizes);
        }
        return new HeifContainer(primaryId, pitmStart + 4, pitmIdSize, sizes, thumbnails);
    }

    private static void ReadThumbnailRefs(ReadOnlySpan<byte> file, int start, int end, uint primaryId, List<uint> thumbnails)
    {
        var idSize = file[start] == 0 ? 2 : 4;
        var pos = start + 4;
        while (pos + 8 <= end)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.Slice(pos, 4));
            if (size < 8 || pos + size > end)
            {
                return;
            }
            var from = ReadId(file, pos + 8, idSize);
            var count = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(pos + 8 + idSize, 2));
            if (file.Slice(pos + 4, 4).SequenceEqual("thmb"u8))
            {
                for (var i = 0; i < count; i++)
                {
                    if (ReadId(file, pos + 10 + idSize + (i * idSize), idSize) == primaryId)
                    {
                        thumbnails.Add(from);
                    }
                }
            }
            pos += size;
        }
    }

    private static void ReadSizes(ReadOnlySpan<byte> file, int start, int end, Dictionary<uint, (int, int)> sizes)
    {
        if (!FindBox(file, start, end, "ipco"u8, out var ipcoStart, out var ipcoEnd)
            || !FindBox(file, start, end, "ipma"u8, out var ipmaStart, out _))
        {
            return;
        }
        // Property boxes are numbered from 1 in the order they appear in ipco.
        var ispe = new Dictionary<int, (int, int)>();
        var index = 0;
        for (var pos = ipcoStart; pos + 8 <= ipcoEnd;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.Slice(pos, 4));
            if (size < 8 || pos + size > ipcoEnd)
            {
                break;
            }
            index++;
            if (file.Slice(pos + 4, 4).SequenceEqual("ispe"u8) && size >= 20)
            {
                ispe[index] = ((int)BinaryPrimitives.ReadUInt32BigEndian(file.Slice(pos + 12, 4)), (int)BinaryPrimitives.ReadUInt32BigEndian(file.Slice(pos + 16, 4)));
            }
            pos += size;
        }
        var version = file[ipmaStart];
        var wideIndex = (file[ipmaStart + 3] & 1) != 0;
        var entries = BinaryPrimitives.ReadUInt32BigEndian(file.Slice(ipmaStart + 4, 4));
        var p = ipmaStart + 8;
        for (var e = 0; e < entries; e++)
        {
            var idSize = version < 1 ? 2 : 4;
            var item = ReadId(file, p, idSize);
            int count = file[p + idSize];
            p += idSize + 1;
            for (var a = 0; a < count; a++)
            {
                var prop = wideIndex ? BinaryPrimitives.ReadUInt16BigEndian(file.Slice(p, 2)) & 0x7FFF : file[p] & 0x7F;
                p += wideIndex ? 2 : 1;
                if (ispe.TryGetValue(prop, out var s))
                {
                    sizes[item] = s;
                }
            }
        }
    }

    private static uint ReadId(ReadOnlySpan<byte> file, int offset, int size) =>
        size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(file.Slice(offset, 2)) : BinaryPrimitives.ReadUInt32BigEndian(file.Slice(offset, 4));

    /// <summary>Finds a child box of type <paramref name="type"/> between <paramref name="start"/> and <paramref name="end"/>; returns its payload range.</summary>
    private static bool FindBox(ReadOnlySpan<byte> file, int start, int end, ReadOnlySpan<byte> type, out int payloadStart, out int payloadEnd)
    {
        var pos = start;
        while (pos + 8 <= end)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.Slice(pos, 4));
            var header = 8;
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.Slice(pos + 8, 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = end - pos;
            }
            if (size < header || pos + size > end)
            {
                break;
            }
            if (file.Slice(pos + 4, 4).SequenceEqual(type))
            {
                (payloadStart, payloadEnd) = (pos + header, (int)(pos + size));
                return true;
            }
            pos += (int)size;
        }
        (payloadStart, payloadEnd) = (0, 0);
        return false;
    }
}
