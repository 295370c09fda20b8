namespace Gateway.Embeddings.Images;

/// <summary>
/// Shrinks RGBA rows by a whole factor as they arrive, averaging each <c>factor × factor</c> box (partial boxes at the
/// right and bottom edges average what they cover), so that an image far larger than needed never exists at full
/// size: memory is one output row of sums plus the output. Colours are averaged weighted by alpha, as a premultiplied
/// resize would, so that transparent pixels do not darken their neighbours.
/// </summary>
internal sealed class BoxDownscaler
{
    private readonly int _sourceWidth;
    private readonly int _sourceHeight;
    private readonly int _factor;
    private readonly long[] _sums;
    private readonly byte[] _output;
    private int _sourceRow;

    public BoxDownscaler(int sourceWidth, int sourceHeight, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        _sourceWidth = sourceWidth;
        _sourceHeight = sourceHeight;
        _factor = factor;
        Width = (sourceWidth + factor - 1) / factor;
        Height = (sourceHeight + factor - 1) / factor;
        _sums = new long[Width * 4];
        _output = new byte[checked(Width * Height * 4)];
    }

    public int Width { get; }

    public int Height { get; }

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

    /// <summary>Adds the next source row (RGBA, <c>4 × width</c> bytes).</summary>
    public void Add(ReadOnlySpan<byte> rgba)
    {
        for (var x = 0; x < _sourceWidth; x++)
        {
            var p = x * 4;
            var o = x / _factor * 4;
            long alpha = rgba[p + 3];
            _sums[o] += rgba[p] * alpha;
            _sums[o + 1] += rgba[p + 1] * alpha;
            _sums[o + 2] += rgba[p + 2] * alpha;
            _sums[o + 3] += alpha;
        }

        _sourceRow++;
        if (_sourceRow % _factor == 0 || _sourceRow == _sourceHeight)
        {
            Flush((_sourceRow - 1) / _factor, (_sourceRow - 1) % _factor + 1);
        }
    }

    /// <summary>The shrunk image; complete once every source row was added.</summary>
    public PixelBuffer Result() => new(_output, Width, Height, 4);

    private void Flush(int outputRow, int rows)
    {
        var row = _output.AsSpan(outputRow * Width * 4, Width * 4);
        for (var x = 0; x < Width; x++)
        {
            var columns = Math.Min(_factor, _sourceWidth - (x * _factor));
            long count = columns * rows;
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
