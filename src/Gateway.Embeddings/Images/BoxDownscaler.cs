namespace Gateway.Embeddings.Images;

/// <summary>
/// Shrinks RGBA rows by a whole factor as they arrive, averaging each <c>factor × factor</c> box (partial boxes at the
/// right and bottom edges average what they cover), so that an image far larger than needed never exists at full
/// size: memory is one output row of sums plus the output. Colours are averaged weighted by alpha, as a premultiplied
/// resize would, so that transparent pixels do not darken their neighbours. Boxes wider than
/// <see cref="MaxSamples"/> average an evenly spaced grid of at most about that many rows and columns
/// (<see cref="Columns"/>, <see cref="Wants"/>) instead of every pixel: enough to filter out aliasing, and a
/// 14000-pixel-wide image shrunk 62 times over converts one pixel in fifty.
/// </summary>
internal sealed class BoxDownscaler
{
    private readonly int _sourceWidth;
    private readonly int _sourceHeight;
    private readonly int _factor;
    private readonly int _step;
    private readonly int[] _boxOf;
    private readonly int[] _columnsPerBox;
    private readonly long[] _sums;
    private readonly byte[] _output;
    private int _sourceRow;
    private int _rowsInBand;

    /// <summary>Most samples per box side before the box is sampled on a grid.</summary>
    public const int MaxSamples = 8;

    public BoxDownscaler(int sourceWidth, int sourceHeight, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        _sourceWidth = sourceWidth;
        _sourceHeight = sourceHeight;
        _factor = factor;
        _step = Math.Max(1, factor / MaxSamples);
        Width = (sourceWidth + factor - 1) / factor;
        Height = (sourceHeight + factor - 1) / factor;
        Columns = [.. Enumerable.Range(0, sourceWidth).Where(x => x % factor % _step == 0)];
        _boxOf = [.. Columns.Select(x => x / factor)];
        _columnsPerBox = new int[Width];
        foreach (var box in _boxOf)
        {
            _columnsPerBox[box]++;
        }

        _sums = new long[Width * 4];
        _output = new byte[checked(Width * Height * 4)];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The source columns that count, in order: <see cref="Add"/> takes their pixels only.</summary>
    public int[] Columns { get; }

    /// <summary>Whether source row <paramref name="y"/> counts (<see cref="Add"/> it before <see cref="EndRow"/>).</summary>
    public bool Wants(int y) => y % _factor % _step == 0;

    /// <summary>The largest whole factor that keeps the result at least <paramref name="minShortEdge"/> on its shorter
    /// side and <paramref name="minLongEdge"/> on its longer one (1 when the image is not larger than that).</summary>
    public static int FactorFor(int width, int height, int minShortEdge, int minLongEdge)
    {
        var (shortEdge, longEdge) = (Math.Min(width, height), Math.Max(width, height));
        var factor = Math.Max(1, Math.Min(shortEdge / Math.Max(1, minShortEdge), longEdge / Math.Max(1, minLongEdge)));
        // Ceiling division may still fall short of the minimum by one: step down until it does not.
        while (factor > 1 && (Ceil(shortEdge, factor) < minShortEdge || Ceil(longEdge, factor) < minLongEdge))
        {
            factor--;
        }

        return factor;
    }

    /// <summary>Adds the current source row, which <see cref="Wants"/>: RGBA of its <see cref="Columns"/>, 4 bytes each.</summary>
    public void Add(ReadOnlySpan<byte> rgba)
    {
        var sums = _sums.AsSpan();
        for (var i = 0; i < _boxOf.Length; i++)
        {
            var p = rgba.Slice(i * 4, 4);
            var o = sums.Slice(_boxOf[i] * 4, 4);
            long alpha = p[3];
            o[0] += p[0] * alpha;
            o[1] += p[1] * alpha;
            o[2] += p[2] * alpha;
            o[3] += alpha;
        }

        _rowsInBand++;
    }

    /// <summary>Ends the current source row (added or not).</summary>
    public void EndRow()
    {
        _sourceRow++;
        if (_sourceRow % _factor == 0 || _sourceRow == _sourceHeight)
        {
            Flush((_sourceRow - 1) / _factor, _rowsInBand);
            _rowsInBand = 0;
        }
    }

    /// <summary>The shrunk image; complete once every source row was added.</summary>
    public PixelBuffer Result() => new(_output, Width, Height, 4);

    private void Flush(int outputRow, int rows)
    {
        var row = _output.AsSpan(outputRow * Width * 4, Width * 4);
        for (var x = 0; x < Width; x++)
        {
            long count = (long)_columnsPerBox[x] * rows;
            var o = x * 4;
            var alpha = _sums[o + 3];
            row[o + 3] = (byte)((alpha + (count / 2)) / count);
            for (var c = 0; c < 3; c++)
            {
                row[o + c] = alpha == 0 ? (byte)0 : (byte)((_sums[o + c] + (alpha / 2)) / alpha);
            }
        }

        Array.Clear(_sums);
    }

    private static int Ceil(int value, int factor) => (value + factor - 1) / factor;
}
