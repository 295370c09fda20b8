using Gateway.Cli;
using Gateway.Embeddings.Models;
using Gateway.Photos.Ingestion;

namespace Gateway.Tests.Cli;

public sealed class CliConsoleTests
{
    [Fact]
    public async Task Progress_WhenRedirected_WritesAFewPlainLinesAndASummaryPerTask()
    {
        var output = new StringWriter();
        var console = new CliConsole(output, interactive: false);

        await console.ProgressAsync(context =>
        {
            var downloads = new DownloadProgressTasks(context, console);
            var ingest = new IngestProgressTask(context, console);
            for (var done = 0L; done <= 1000; done += 10)
            {
                downloads.Report(new DownloadProgress("onnx/[a]model.onnx", done, 1000, 1_000_000, null, done == 1000));
                ingest.Report(new IngestProgress(100, (int)done / 10, (int)done / 10, 0, 2.5, done == 1000 ? "done" : "indexing"));
            }

            return Task.FromResult(0);
        });

        var text = output.ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.InRange(lines.Length, 2, 12);
        Assert.Contains(lines, l => l.StartsWith("onnx/[a]model.onnx [########################] 100%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("done 100/100, 0 failed, 2.5 photos/s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_EveryPhotoDoneBeforeTheRunEnds_StillWritesTheSummary()
    {
        var output = new StringWriter();
        var console = new CliConsole(output, interactive: false);

        await console.ProgressAsync(context =>
        {
            var ingest = new IngestProgressTask(context, console);
            ingest.Report(new IngestProgress(2, 1, 1, 0, 1.0, "indexing"));

            // A gateway's job polled between its last photo and its end: every photo done, the alias swap to come.
            ingest.Report(new IngestProgress(2, 2, 1, 1, 1.0, "swapping"));
            ingest.Report(new IngestProgress(2, 2, 1, 1, 1.0, "done"));
            return Task.FromResult(0);
        });

        Assert.Contains(output.ToString().Split('\n'), l => l.StartsWith("done 2/2, 1 failed", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteLine_WhenRedirected_NeverWrapsALongLine()
    {
        var output = new StringWriter();
        var line = "  failed: trek/" + new string('x', 300) + ".jpg: the image does not decode";

        new CliConsole(output, interactive: false).WriteLine(line);

        Assert.Equal(line, output.ToString().TrimEnd('\r', '\n'));
    }
}
