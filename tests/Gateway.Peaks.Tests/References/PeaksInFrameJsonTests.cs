using System.Text.Json.Nodes;
using Gateway.Peaks.References;

namespace Gateway.Peaks.Tests.References;

public sealed class PeaksInFrameJsonTests
{
    [Fact]
    public void Read_AcceptsTheStoredShapeAndItsVariants()
    {
        var node = JsonNode.Parse("""
            [
              {"id":"ama-dablam","distance_km":5.2,"bearing_deg":110.0,"bearing_offset_deg":-1.5},
              {"peak_id":"everest","distance_km":20,"bearing_offset_deg":null},
              {"peak":"lhotse","distance_km":"far"},
              {"distance_km":3},
              "not an object"
            ]
            """);

        var entries = PeaksInFrameJson.Read(node);

        Assert.Equal(
            [new PeakInFrame("ama-dablam", 5.2, -1.5), new PeakInFrame("everest", 20, null), new PeakInFrame("lhotse", null, null)],
            entries);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("\"x\"")]
    public void Read_SomethingElse_IsEmpty(string json) => Assert.Empty(PeaksInFrameJson.Read(JsonNode.Parse(json)));
}
