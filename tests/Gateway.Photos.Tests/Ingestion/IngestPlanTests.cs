using Gateway.Photos.Ingestion;

namespace Gateway.Photos.Tests.Ingestion;

public sealed class IngestPlanTests
{
    [Theory]
    [InlineData(7, 3, new[] { 3, 3, 1 })]
    [InlineData(6, 3, new[] { 3, 3 })]
    [InlineData(2, 200, new[] { 2 })]
    [InlineData(0, 5, new int[0])]
    public void Chunks_SliceTheFilesInPlanOrder(int files, int size, int[] expected)
    {
        var planned = Enumerable.Range(0, files).Select(i => new PlannedFile("ebc", "/photos", $"IMG_{i:D4}.HEIC", null)).ToList();
        var plan = new IngestPlan("photos-v1", false, ["ebc"], files, 0, planned, [], []);

        var chunks = plan.Chunks(size);

        Assert.Equal(expected, chunks.Select(c => c.Files.Count));
        Assert.All(chunks, c => Assert.Equal("photos-v1", c.Index));
        Assert.Equal(planned, chunks.SelectMany(c => c.Files));
    }

    [Fact]
    public void Chunks_SizeBelowOne_IsAProgrammerError()
    {
        var plan = new IngestPlan("photos-v1", false, ["ebc"], 0, 0, [], [], []);

        Assert.Throws<ArgumentOutOfRangeException>(() => plan.Chunks(0));
    }
}
