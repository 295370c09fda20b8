using Gateway.Embeddings.Models;

namespace Gateway.Embeddings.Tests.Models;

public sealed class DownloadProgressTextTests
{
    [Theory]
    [InlineData(540_200_000L, 1_130_000_000L, false, "onnx/text_model.onnx [###########.............]  48%  540.2/1130.0 MB  23.1 MB/s  ETA 0:25")]
    [InlineData(1_130_000_000L, 1_130_000_000L, true, "onnx/text_model.onnx [########################] 100%  1130.0/1130.0 MB  23.1 MB/s  done")]
    public void Format_ShowsBarBytesRateAndEta(long done, long total, bool completed, string expected)
    {
        var line = DownloadProgressText.Format(new DownloadProgress("onnx/text_model.onnx", done, total, 23_100_000, TimeSpan.FromSeconds(25), completed));

        Assert.Equal(expected, line);
    }
}
