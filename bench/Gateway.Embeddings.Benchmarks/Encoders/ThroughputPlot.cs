using System.Globalization;
using SkiaSharp;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>Draws items/s against batch size (log2 axis), one line per tower and variant, to a PNG with SkiaSharp
/// (already a dependency for image decoding; a charting package would add little for four lines).</summary>
internal static class ThroughputPlot
{
    private const int Width = 900;
    private const int Height = 520;
    private const float Left = 70, Right = 190, Top = 50, Bottom = 60;

    public static void Write(string path, IReadOnlyList<(string Tower, int Batch, double Fp32, double Int8)> rows, string note)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 14);
        using var small = new SKFont(SKTypeface.Default, 12);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(225, 225, 225), StrokeWidth = 1 };

        var batches = rows.Select(r => r.Batch).Distinct().Order().ToList();
        var maxRate = rows.Max(r => Math.Max(r.Fp32, r.Int8)) * 1.1;
        float X(int batch) => Left + ((float)(Math.Log2(batch) - Math.Log2(batches[0])) / (float)Math.Max(1, Math.Log2(batches[^1]) - Math.Log2(batches[0])) * (Width - Left - Right));
        float Y(double rate) => Height - Bottom - (float)(rate / maxRate * (Height - Top - Bottom));

        canvas.DrawText("SigLIP-2 base (random weights): items/s against batch size", Left, 28, font, ink);
        canvas.DrawText(note, Left, 44, small, ink);
        for (var i = 0; i <= 5; i++)
        {
            var rate = maxRate * i / 5;
            canvas.DrawLine(Left, Y(rate), Width - Right, Y(rate), grid);
            canvas.DrawText(rate.ToString("0.#", CultureInfo.InvariantCulture), 10, Y(rate) + 4, small, ink);
        }

        foreach (var batch in batches)
        {
            canvas.DrawLine(X(batch), Top, X(batch), Height - Bottom, grid);
            canvas.DrawText(batch.ToString(CultureInfo.InvariantCulture), X(batch) - 4, Height - Bottom + 18, small, ink);
        }

        canvas.DrawText("batch size", (Width - Right + Left) / 2 - 30, Height - 18, font, ink);
        canvas.DrawText("items/s", 10, Top - 8, small, ink);

        var series = new (string Name, SKColor Colour, bool Dashed, Func<(string Tower, int Batch, double Fp32, double Int8), double> Rate, string Tower)[]
        {
            ("vision fp32", new SKColor(31, 119, 180), true, r => r.Fp32, "vision"),
            ("vision int8", new SKColor(31, 119, 180), false, r => r.Int8, "vision"),
            ("text fp32", new SKColor(214, 39, 40), true, r => r.Fp32, "text"),
            ("text int8", new SKColor(214, 39, 40), false, r => r.Int8, "text"),
        };
        var legendY = Top + 10f;
        foreach (var (name, colour, dashed, rate, tower) in series)
        {
            using var pen = new SKPaint { Color = colour, StrokeWidth = 2.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var dash = dashed ? SKPathEffect.CreateDash([8, 5], 0) : null;
            pen.PathEffect = dash;
            var points = rows.Where(r => r.Tower == tower).OrderBy(r => r.Batch).Select(r => new SKPoint(X(r.Batch), Y(rate(r)))).ToArray();
            using var line = new SKPath();
            line.AddPoly(points, close: false);
            canvas.DrawPath(line, pen);
            using var dot = new SKPaint { Color = colour, IsAntialias = true };
            foreach (var p in points)
            {
                canvas.DrawCircle(p, 3.5f, dot);
            }

            canvas.DrawLine(Width - Right + 15, legendY, Width - Right + 45, legendY, pen);
            canvas.DrawText(name, Width - Right + 52, legendY + 5, small, ink);
            legendY += 22;
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
