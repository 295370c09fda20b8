using Gateway.Embeddings.Models;

namespace Gateway.Embeddings.Tests.Models;

public sealed class ConsoleProgressRendererTests
{
    [Theory]
    [InlineData(540_200_000L, 1_130_000_000L, false, "onnx/text_model.onnx [###########.............]  48%  540.2/1130.0 MB  23.1 MB/s  ETA 0:25")]
    [InlineData(1_130_000_000L, 1_130_000_000L, true, "onnx/text_model.onnx [########################] 100%  1130.0/1130.0 MB  23.1 MB/s  done")]
    public void Format_ShowsBarBytesRateAndEta(long done, long total, bool completed, string expected)
    {
        var line = ConsoleProgressRenderer.Format(new DownloadProgress("onnx/text_model.onnx", done, total, 23_100_000, TimeSpan.FromSeconds(25), completed));

        Assert.Equal(expected, line);
    }

    [Fact]
    public void Report_WhenRedirectedWritesOneLinePerTenPercent()
    {
        var output = new StringWriter();
        var renderer = new ConsoleProgressRenderer(output, interactive: false);

        for (var done = 0L; done <= 1000; done += 10)
        {
            renderer.Report(new DownloadProgress("f", done, 1000, 1, null, done == 1000));
        }

        Assert.Equal(11, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
