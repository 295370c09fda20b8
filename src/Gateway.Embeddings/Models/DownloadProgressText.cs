using System.Globalization;

namespace Gateway.Embeddings.Models;

/// <summary>
/// One download progress report as a line of text, for logs, the model status and the command line's summary of a
/// finished file: <c>onnx/text_model.onnx [#####.....] 48%  540.2/1130.0 MB  23.1 MB/s  ETA 0:25</c>.
/// </summary>
public static class DownloadProgressText
{
    private const int BarWidth = 24;

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
}
