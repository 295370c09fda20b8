using System.Diagnostics;
using System.Text;
using Gateway.Rewrite;

namespace Gateway.Benchmarks;

/// <summary>Time of the pure rewrite steps (parse, rewrite, serialise a 768-d vector), embedding excluded.</summary>
internal static class RewriteCost
{
    public static async Task<List<(string Case, double MeanMicroseconds, double P50Microseconds)>> MeasureAsync(int iterations)
    {
        var vectors = new ConstantVectors();
        var rewriter = new SearchRewriter(vectors, vectors, new RewriteOptions());
        var plain = Encoding.UTF8.GetBytes("""{"query":{"bool":{"filter":[{"term":{"predicted_peaks":"ama_dablam"}},{"range":{"shot_time":{"gte":"2024-10-01"}}}]}},"size":20}""");
        var shorthand = Encoding.UTF8.GetBytes("""{"query_text":"ama dablam at sunrise","query":{"bool":{"filter":[{"term":{"predicted_peaks":"ama_dablam"}},{"range":{"shot_time":{"gte":"2024-10-01"}}}]}},"size":20,"_source":["path","shot_time"]}""");
        var knn = Encoding.UTF8.GetBytes("""{"knn":{"field":"clip_image","query_image":{"photo_id":"abc123","mode":"same_peak"},"k":20,"num_candidates":200,"filter":[{"term":{"album":"ebc"}}]}}""");
        var neural = Encoding.UTF8.GetBytes("""{"query":{"neural":{"clip_image":{"query_text":"prayer flags","k":10,"filter":{"term":{"album":"ebc"}}}}}}""");
        var msearch = Encoding.UTF8.GetBytes("{\"index\":\"photos\"}\n{\"query_text\":\"yaks\",\"size\":5}\n{\"index\":\"photos\"}\n{\"query\":{\"match_all\":{}}}\n");
        var response = Encoding.UTF8.GetBytes("{\"took\":3,\"timed_out\":false,\"hits\":{\"total\":{\"value\":20,\"relation\":\"eq\"},\"hits\":[" + string.Join(',', Enumerable.Repeat("{\"_id\":\"x\",\"_score\":0.9,\"_source\":{\"path\":\"a/b.jpg\"}}", 20)) + "]}}");
        var annotation = (await rewriter.RewriteSearchAsync("photos", knn, CancellationToken.None)).Annotations[0]!;

        return
        [
            await TimeAsync("plain body: scan only (not rewritten)", iterations, () => { _ = SearchRewriter.MightNeedRewrite(plain); return ValueTask.CompletedTask; }),
            await TimeAsync("plain body: RewriteSearchAsync (unchanged)", iterations, async () => await rewriter.RewriteSearchAsync("photos", plain, CancellationToken.None)),
            await TimeAsync("root shorthand + 2 filters → knn (768-d)", iterations, async () => await rewriter.RewriteSearchAsync("photos", shorthand, CancellationToken.None)),
            await TimeAsync("knn query_image photo_id same_peak", iterations, async () => await rewriter.RewriteSearchAsync("photos", knn, CancellationToken.None)),
            await TimeAsync("neural clause → knn query", iterations, async () => await rewriter.RewriteSearchAsync("photos", neural, CancellationToken.None)),
            await TimeAsync("_msearch, 1 of 2 bodies rewritten", iterations, async () => await rewriter.RewriteMultiSearchAsync(null, msearch, CancellationToken.None)),
            await TimeAsync("response: add _gateway (20 hits)", iterations, () => { _ = ResponseAnnotator.AnnotateSearch(response, annotation); return ValueTask.CompletedTask; }),
        ];
    }

    private static async Task<(string, double, double)> TimeAsync(string name, int iterations, Func<ValueTask> action)
    {
        for (var i = 0; i < Math.Min(iterations, 2000); i++)
        {
            await action();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return (name, samples.Average(), samples[iterations / 2]);
    }
}
