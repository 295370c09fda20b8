using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Photos.Tests.Ingestion;

namespace Gateway.Photos.Tests;

/// <summary><c>gateway.photos.processed</c>: one count per photo a run finished, by album and outcome.</summary>
public sealed class PhotosTelemetryTests(UpstreamFixture fixture) : IClassFixture<UpstreamFixture>
{
    [Fact]
    public async Task IndexAlbum_CountsIndexedAndFailedPhotosOfTheAlbum()
    {
        var h = new IngestionHarness(fixture, "telemetry");
        await h.BuildCatalogAsync();
        h.Write("red.jpg", IngestionHarness.Colour("red"));
        h.Write("blue.jpg", IngestionHarness.Colour("blue"));
        h.Write("broken.jpg", []);

        var counts = new Dictionary<string, long>();
        using var parent = new Activity("test").Start();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PhotosTelemetry.Name && instrument.Name == "gateway.photos.processed")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            // Other tests index at the same time: this run's measurements are made under this test's activity.
            if (Activity.Current?.TraceId != parent.TraceId)
            {
                return;
            }

            var album = tags.ToArray().Single(t => t.Key == "gateway.album").Value;
            var outcome = tags.ToArray().Single(t => t.Key == "gateway.photos.outcome").Value;
            lock (counts)
            {
                var key = $"{album}/{outcome}";
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        });
        listener.Start();

        var result = (await h.Ingestor.IndexAlbumAsync("ebc")).Value;

        Assert.Equal((2, 1), (result.Indexed, result.Failures.Count));
        lock (counts)
        {
            Assert.Equal(new Dictionary<string, long> { ["ebc/indexed"] = 2, ["ebc/failed"] = 1 }, counts);
        }
    }
}
