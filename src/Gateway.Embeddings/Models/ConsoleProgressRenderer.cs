using System.Globalization;

namespace Gateway.Embeddings.Models;

/// <summary>
/// Draws download progress as a one-line bar (<c>\r</c>-redrawn) on a terminal, or as one line per 10 % when the
/// output is redirected: <c>onnx/text_model.onnx [#####.....] 48%  540.2/1130.0 MB  23.1 MB/s  ETA 0:25</c>.
/// </summary>
public sealed class ConsoleProgressRenderer(TextWriter output, bool interactive) : IProgress<DownloadProgress>
{
    private const int BarWidth = 24;
    private string? _file;
    private int _lastDecile = -1;

    /// <inheritdoc />
    public void Report(DownloadProgress value)
    {
        if (value.File != _file)
        {
            (_file, _lastDecile) = (value.File, -1);
        }
        var line = Format(value);
        if (interactive)
        {
            output.Write("\r" + line.PadRight(Console.IsOutputRedirected ? 0 : Math.Max(0, SafeWidth() - 1)));
            if (value.Completed)
            {
                output.WriteLine();
            }
            return;
        }
        var decile = value.BytesTotal is > 0 and { } total ? (int)(value.BytesDone * 10 / total) : -1;
        if (value.Completed || decile > _lastDecile)
        {
            _lastDecile = decile;
            output.WriteLine(line);
        }
    }

    /// <summary>The text of one progress line.</summary>
    public static string Format(DownloadProgress p)
    {
        var rate = $"{Megabytes(p.BytesPerSecond):0.0} MB/s";
        if (p.BytesTotal is not > 0 || p.BytesTotal is not { } total)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{p.File}  {Megabytes(p.BytesDone):0.0} MB  {rate}{(p.Completed ? "  done" : string.Empty)}");
        }
        var fraction = Math.Clamp((double)p.BytesDone / total, 0, 1);
        var filled = (int)(fraction * BarWidth);
        var bar = new string('#', filled) + new string('.', BarWidth - filled);
        var eta = p.Completed ? "done" : p.Eta is { } e ? "ETA " + (e.TotalHours >= 1 ? e.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : e.ToString(@"m\:ss", CultureInfo.InvariantCulture)) : "ETA ?";
        return string.Create(CultureInfo.InvariantCulture, $"{p.File} [{bar}] {fraction * 100,3:0}%  {Megabytes(p.BytesDone):0.0}/{Megabytes(total):0.0} MB  {rate}  {eta}");
    }

    private static double Megabytes(double bytes) => bytes / 1_000_000;

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
