using System.Globalization;
using Gateway.Photos.Ingestion;

namespace Gateway.Cli;

/// <summary>A one-line progress bar for <c>gateway index</c>; on redirected output it prints a line per 10 %.</summary>
internal sealed class ConsoleProgressBar(TextWriter output, bool interactive) : IProgress<IngestProgress>
{
    private const int Width = 30;
    private readonly Lock _lock = new();
    private int _lastDecile = -1;
    private string _lastPhase = "";

    public void Report(IngestProgress value)
    {
        lock (_lock)
        {
            var fraction = value.Total > 0 ? Math.Clamp(value.Done / (double)value.Total, 0, 1) : 0;
            var filled = (int)Math.Round(fraction * Width);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('-', Width - filled)}] {value.Done}/{value.Total}  failed {value.Failed}  {value.PhotosPerSecond:F1} photos/s  {value.Phase}");
            if (interactive)
            {
                output.Write("\r" + line.PadRight(Console.IsOutputRedirected ? 0 : Math.Max(0, Console.WindowWidth - 1)));
                if (value.Phase == "done")
                {
                    output.WriteLine();
                }

                return;
            }

            var decile = (int)(fraction * 10);
            if (decile != _lastDecile || value.Phase != _lastPhase)
            {
                output.WriteLine(line);
                _lastDecile = decile;
                _lastPhase = value.Phase;
            }
        }
    }
}
