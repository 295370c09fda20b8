using Gateway.Embeddings.Service;
using Gateway.Embeddings.Vectors;
using Gateway.TestModels;

namespace Gateway.Embeddings.Tests.Service;

public sealed class SiglipEmbeddingServiceTests(TestModelFixture fixture) : IClassFixture<TestModelFixture>
{
    public static TheoryData<string> Colours() => [.. TestColor.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Colours))]
    public async Task EmbedText_ColourWordRetrievesItsImage(string colour)
    {
        await using var service = ServiceFactory.Create(fixture.Model);
        var images = new Dictionary<string, float[]>();
        foreach (var c in TestColor.All)
        {
            images[c.Name] = await service.EmbedImageAsync(TestImages.SolidJpeg(c), c.Name + ".jpg").VectorAsync();
        }

        var query = await service.EmbedTextAsync("a photo of " + colour + ".").VectorAsync();

        var best = images.MaxBy(kv => VectorMath.Dot(query, kv.Value)).Key;
        Assert.Equal(colour, best);
    }

    [Fact]
    public async Task EmbedImage_DominantColourWinsOverAccent()
    {
        await using var service = ServiceFactory.Create(fixture.Model);
        var image = await service.EmbedImageAsync(TestImages.DominantJpeg(TestColor.Named("blue"), TestColor.Named("yellow")), "mostly blue.jpg").VectorAsync();

        var blue = await service.EmbedTextAsync("blue").VectorAsync();
        var yellow = await service.EmbedTextAsync("yellow").VectorAsync();

        Assert.True(VectorMath.Dot(image, blue) > VectorMath.Dot(image, yellow));
    }

    [Fact]
    public async Task EmbedText_ReturnsUnitVectorsOfTheModelsDimensions()
    {
        await using var service = ServiceFactory.Create(fixture.Model);

        var vector = await service.EmbedTextAsync("Red").VectorAsync();

        Assert.Equal(fixture.Model.Dimensions, vector.Length);
        Assert.Equal(1f, MathF.Sqrt(VectorMath.Dot(vector, vector)), 4);
        Assert.Equal(EmbeddingModelState.Ready, service.Status.State);
        Assert.Equal(fixture.Model.Dimensions, service.Status.Dimensions);
    }

    [Fact]
    public async Task EmbedText_ConcurrentBatchesGiveTheSameVectorsAsOneByOne()
    {
        string[] texts = [.. Enumerable.Range(0, 40).Select(i => $"{TestColor.All[i % 6].Name} peak number {i}")];
        var sequential = new List<float[]>();
        await using (var one = ServiceFactory.Create(fixture.Model, o => { o.TextCacheSize = 0; o.MaxBatch = 1; o.BatchWindowMs = 0; }))
        {
            foreach (var text in texts)
            {
                sequential.Add(await one.EmbedTextAsync(text).VectorAsync());
            }
        }

        await using var batched = ServiceFactory.Create(fixture.Model, o => { o.TextCacheSize = 0; o.MaxBatch = 16; o.BatchWindowMs = 20; });
        var concurrent = await Task.WhenAll(texts.Select(t => batched.EmbedTextAsync(t).VectorAsync()));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i], concurrent[i], (a, b) => MathF.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public async Task EmbedImage_ConcurrentBatchesGiveTheSameVectorsAsOneByOne()
    {
        var images = TestColor.All.Select(c => TestImages.DominantJpeg(c, TestColor.All[(TestColor.All.ToList().IndexOf(c) + 1) % 6])).ToArray();
        await using var service = ServiceFactory.Create(fixture.Model, o => o.BatchWindowMs = 20);
        var sequential = new List<float[]>();
        foreach (var image in images)
        {
            sequential.Add(await service.EmbedImageAsync(image).VectorAsync());
        }

        var concurrent = await Task.WhenAll(images.Select(i => service.EmbedImageAsync(i).VectorAsync()));

        for (var i = 0; i < images.Length; i++)
        {
            Assert.Equal(sequential[i], concurrent[i], (a, b) => MathF.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public async Task EmbedText_FullQueueIsRefusedWithRetryAfter()
    {
        await using var service = ServiceFactory.Create(fixture.Model, o => { o.QueueLimit = 2; o.MaxBatch = 1; o.BatchWindowMs = 0; o.TextCacheSize = 0; o.RetryAfterSeconds = 7; });
        service.TryLoad();

        // 200 requests at once against a queue of 2 served one at a time: most must be refused, none lost.
        var tasks = Enumerable.Range(0, 200).Select(i => service.EmbedTextAsync("red " + i).AsTask()).ToList();
        var outcomes = (await Task.WhenAll(tasks)).Select(r => r.Failure is { Kind: EmbeddingFailureKind.Refused } f ? f.RetryAfter : null).ToList();

        Assert.Contains(outcomes, o => o is null);
        Assert.Contains(outcomes, o => o == TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task EmbedText_CancelledRequestThrowsAndServiceKeepsWorking()
    {
        await using var service = ServiceFactory.Create(fixture.Model, o => { o.MaxBatch = 1; o.TextCacheSize = 0; });
        service.TryLoad();
        using var cts = new CancellationTokenSource();

        // Queries never wait for a batch window: "green" is kept waiting behind 200 texts served one at a time.
        var ahead = Enumerable.Range(0, 200).Select(i => service.EmbedTextAsync("red " + i).AsTask()).ToList();
        var pending = service.EmbedTextAsync("green", cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.EmbedTextAsync("blue", cts.Token).AsTask());
        Assert.Equal(fixture.Model.Dimensions, (await service.EmbedTextAsync("blue").VectorAsync()).Length);
        Assert.All(await Task.WhenAll(ahead), r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task Embed_MissingModelIsUnavailableNamingModelAndCommand()
    {
        var empty = Directory.CreateTempSubdirectory("gateway-no-model").FullName;
        await using var service = new SiglipEmbeddingService(Microsoft.Extensions.Options.Options.Create(
            new EmbeddingOptions { ModelId = "google/siglip2-base-patch16-224", ModelDirectory = empty }));

        var text = Unavailable(await service.EmbedTextAsync("red"));
        var image = Unavailable(await service.EmbedImageAsync(TestImages.SolidPng(TestColor.Named("red"))));

        Assert.Contains("google/siglip2-base-patch16-224", text.Reason, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Gateway -- models download google/siglip2-base-patch16-224", text.Reason, StringComparison.Ordinal);
        Assert.Contains("onnx/vision_model.onnx", text.Reason, StringComparison.Ordinal);
        Assert.Equal(text.Reason, image.Reason);
        Assert.Equal(EmbeddingModelState.Missing, service.Status.State);
        Assert.Equal(text.Reason, service.Status.Detail);
        Directory.Delete(empty);
    }

    [Fact]
    public async Task Load_MismatchedConfigFailsLoudly()
    {
        var copy = Directory.CreateTempSubdirectory("gateway-bad-model").FullName;
        TestModelFactory.WriteTo(copy);
        var config = Path.Combine(copy, "config.json");
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"max_position_embeddings\": 64", "\"max_position_embeddings\": 32", StringComparison.Ordinal));
        await using var service = ServiceFactory.Create(new TestModel(copy, 32, 64, 64, 0));

        var error = Unavailable(await service.EmbedTextAsync("red"));

        Assert.Contains("max_position_embeddings: expected 64, found 32", error.Reason, StringComparison.Ordinal);
        Assert.Equal(EmbeddingModelState.Failed, service.Status.State);
        Directory.Delete(copy, recursive: true);
    }

    [Fact]
    public async Task Load_OnnxShapeDisagreeingWithConfigFailsLoudly()
    {
        var copy = Directory.CreateTempSubdirectory("gateway-bad-shape").FullName;
        TestModelFactory.WriteTo(copy, imageSize: 64);
        foreach (var file in new[] { "config.json", "preprocessor_config.json" })
        {
            var path = Path.Combine(copy, file);
            var json = (await File.ReadAllTextAsync(path))
                .Replace("\"image_size\": 64", "\"image_size\": 96", StringComparison.Ordinal)
                .Replace("\"height\": 64", "\"height\": 96", StringComparison.Ordinal)
                .Replace("\"width\": 64", "\"width\": 96", StringComparison.Ordinal);
            await File.WriteAllTextAsync(path, json);
        }

        await using var service = ServiceFactory.Create(new TestModel(copy, 32, 96, 64, 0));

        var error = Unavailable(await service.EmbedImageAsync(TestImages.SolidJpeg(TestColor.Named("red"))));

        Assert.Contains("pixel_values", error.Reason, StringComparison.Ordinal);
        Assert.Contains("96", error.Reason, StringComparison.Ordinal);
        Directory.Delete(copy, recursive: true);
    }

    [Fact]
    public async Task Status_ReportsTheBackgroundDownload()
    {
        var empty = Directory.CreateTempSubdirectory("gateway-downloading").FullName;
        var monitor = new Gateway.Embeddings.Models.ModelDownloadMonitor();
        monitor.Set(new EmbeddingModelStatus(EmbeddingModelState.Downloading, "google/siglip2-base-patch16-224", 0, "file 1 of 5: 12 %"));
        await using var service = new SiglipEmbeddingService(
            Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions { ModelDirectory = empty }), downloads: monitor);

        var error = Unavailable(await service.EmbedTextAsync("red"));

        Assert.Equal(EmbeddingModelState.Downloading, service.Status.State);
        Assert.Contains("file 1 of 5: 12 %", error.Reason, StringComparison.Ordinal);
        Assert.Contains("models download google/siglip2-base-patch16-224", error.Reason, StringComparison.Ordinal);
        Directory.Delete(empty);
    }

    [Fact]
    public async Task EmbedText_CachedVectorIsACopy()
    {
        await using var service = ServiceFactory.Create(fixture.Model);
        var first = await service.EmbedTextAsync("white").VectorAsync();
        first[0] = 42;

        var second = await service.EmbedTextAsync("WHITE").VectorAsync();

        Assert.NotEqual(42, second[0]);
    }

    [Fact]
    public async Task EmbedImage_UndecodableImageIsAnUndecodableResult()
    {
        await using var service = ServiceFactory.Create(fixture.Model);

        var result = await service.EmbedImageAsync(new byte[] { 1, 2, 3, 4, 5 }, "junk.jpg");

        Assert.Equal(EmbeddingFailureKind.Undecodable, result.Failure?.Kind);
        Assert.Contains("junk.jpg", result.Failure!.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public async Task EmbedTexts_IsOneForwardInOrderMatchingOneByOne()
    {
        await using var service = ServiceFactory.Create(fixture.Model, o => { o.TextCacheSize = 0; o.TextBatch = 1; });
        string[] texts = ["red", "green", "a blue peak", "yellow"];
        var one = new List<float[]>();
        foreach (var text in texts)
        {
            one.Add(await service.EmbedTextAsync(text).VectorAsync());
        }

        var together = (await service.EmbedTextsAsync(texts)).Value;

        // A group of prompts is never split into batches of the text tower's size (1 here): it runs as one request.
        Assert.Equal(texts.Length, together.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(one[i], together[i], (a, b) => MathF.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public async Task LoadAsync_WaitsForTheLoadUnderWayWhereAQueryIsAnsweredAtOnce()
    {
        // The start-up load runs on its own thread; background work (a catalog rebuild, an album run) that starts meanwhile
        // must wait for it instead of failing with "loading". The clock holds the load at its first reading.
        using var clock = new ClockThatHoldsTheLoad();
        await using var service = new SiglipEmbeddingService(Microsoft.Extensions.Options.Options.Create(
            new EmbeddingOptions { ModelId = "test/colour-siglip", ModelDirectory = fixture.Model.Directory, IntraOpThreads = 1 }), time: clock);
        var startUp = Task.Run(service.TryLoad);
        Assert.True(clock.Held.Wait(TimeSpan.FromSeconds(30)), "the load never read the clock");

        var query = await service.EmbedTextAsync("red");
        var waiting = service.LoadAsync().AsTask();
        await Task.Delay(200);
        var waitedForTheLoad = !waiting.IsCompleted;
        clock.Release();
        var status = await waiting;

        Assert.Contains("is loading", Assert.IsType<EmbeddingFailure>(query.Failure).Reason, StringComparison.Ordinal);
        Assert.True(waitedForTheLoad);
        Assert.Equal(EmbeddingModelState.Ready, status.State);
        Assert.Equal(fixture.Model.Dimensions, status.Dimensions);
        Assert.True(await startUp);
    }

    [Fact]
    public async Task LoadAsync_MissingModelAnswersWhatIsMissing()
    {
        var empty = Directory.CreateTempSubdirectory("gateway-no-model").FullName;
        await using var service = new SiglipEmbeddingService(Microsoft.Extensions.Options.Options.Create(
            new EmbeddingOptions { ModelId = "google/siglip2-base-patch16-224", ModelDirectory = empty }));

        var status = await service.LoadAsync();

        Assert.Equal(EmbeddingModelState.Missing, status.State);
        Assert.Contains("models download google/siglip2-base-patch16-224", status.Detail, StringComparison.Ordinal);
        Directory.Delete(empty);
    }

    [Fact]
    public async Task Status_ShowsTheBatchSizesChosenAtLoad()
    {
        await using var service = ServiceFactory.Create(fixture.Model, o => { o.TextBatch = 0; o.ImageBatch = 3; o.BatchCandidates = [1, 2]; });
        service.TryLoad();

        var tuning = service.Status.Tuning!;

        Assert.True(tuning.Text.Measured);
        Assert.Equal([1, 2], tuning.Text.Timings.Select(t => t.Size));
        Assert.Contains(tuning.Text.Size, new[] { 1, 2 });
        Assert.Equal(new BatchSizeChoice("vision", 3, false, []) with { Timings = tuning.Image.Timings }, tuning.Image);
        Assert.Equal("fp32", tuning.Variant);
        Assert.Contains("vision batch 3 (configured)", service.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variant_PicksBothTowerFilesOfThatExport()
    {
        var copy = Directory.CreateTempSubdirectory("gateway-variant").FullName;
        TestModelFactory.WriteTo(copy);
        await using (var missing = ServiceFactory.Create(new TestModel(copy, 32, 64, 64, 0), o => o.Variant = "int8"))
        {
            var reason = Unavailable(await missing.EmbedTextAsync("red")).Reason;
            Assert.Contains("onnx/vision_model_int8.onnx, onnx/text_model_int8.onnx", reason, StringComparison.Ordinal);
        }

        File.Move(Path.Combine(copy, "onnx", "vision_model.onnx"), Path.Combine(copy, "onnx", "vision_model_int8.onnx"));
        File.Move(Path.Combine(copy, "onnx", "text_model.onnx"), Path.Combine(copy, "onnx", "text_model_int8.onnx"));
        await using (var service = ServiceFactory.Create(new TestModel(copy, 32, 64, 64, 0), o => o.Variant = "int8"))
        {
            Assert.Equal(32, (await service.EmbedTextAsync("red").VectorAsync()).Length);
            Assert.Equal("int8", service.Status.Tuning!.Variant);
            Assert.Contains("(int8)", service.Status.Detail, StringComparison.Ordinal);
        }

        Directory.Delete(copy, recursive: true);
    }

    private static EmbeddingFailure Unavailable(EmbeddingResult<float[]> result)
    {
        Assert.Equal(EmbeddingFailureKind.Unavailable, result.Failure?.Kind);
        return result.Failure!;
    }
}
