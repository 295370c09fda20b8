using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Benchmarks.Knn;

/// <summary>
/// kNN latency and recall of the embedded store on random unit vectors: documents are fed to a
/// <see cref="SearchShard"/> directly (no JSON), queries go through <see cref="SearchService"/>.
/// Usage: <c>knn [--sizes 10000,100000,1000000] [--dims 768] [--queries 50]</c>.
/// </summary>
internal static class KnnBenchmark
{
    private const int Warmup = 20;

    public static int Run(string[] args)
    {
        var sizes = Option(args, "--sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var dims = int.Parse(Option(args, "--dims", "768"), CultureInfo.InvariantCulture);
        var queries = int.Parse(Option(args, "--queries", "50"), CultureInfo.InvariantCulture);
        Console.WriteLine($"kNN benchmark: dims={dims}, k=10, num_candidates=100, queries={queries}, cores={Environment.ProcessorCount}, AVX2={System.Runtime.Intrinsics.X86.Avx2.IsSupported}, AVX-VNNI={System.Runtime.Intrinsics.X86.AvxVnni.IsSupported}");
        Console.WriteLine();
        Console.WriteLine("| docs | filter | candidates | path | int8 re-scored | p50 ms | p99 ms | p50 CPU ms | recall@10 | bytes/vector |");
        Console.WriteLine("| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var indexing = new List<string>();
        foreach (var size in sizes)
        {
            indexing.Add(RunSize(size, dims, queries));
            GC.Collect();
        }

        Console.WriteLine();
        indexing.ForEach(Console.WriteLine);
        return 0;
    }

    private static string RunSize(int size, int dims, int queries)
    {
        var field = new FieldMapping { Path = "v", Kind = FieldKind.DenseVector, Definition = new JsonObject { ["type"] = "dense_vector" }, Dims = dims, Similarity = VectorSimilarity.Cosine };
        var bucket = new FieldMapping { Path = "bucket", Kind = FieldKind.Keyword, Definition = new JsonObject { ["type"] = "keyword" } };
        var mapping = new IndexMapping([field, bucket]);
        var service = new SearchService();
        var shard = (SearchShard)service.CreateShard("bench", mapping);
        var random = new Random(42);
        var buckets = Enumerable.Range(0, 10).Select(i => (IReadOnlyList<string>)["b" + i]).ToArray();
        var empty = new JsonObject();
        for (var i = 0; i < size; i++)
        {
            var fields = new Dictionary<string, FieldValues>(2)
            {
                ["v"] = new() { Mapping = field, Vector = UnitVector(random, dims) },
                ["bucket"] = new() { Mapping = bucket, Keywords = buckets[i % 10] },
            };
            shard.Upsert(new ParsedDocument { Id = i.ToString(CultureInfo.InvariantCulture), Source = empty, Version = 1, SeqNo = i, PrimaryTerm = 1, Fields = fields });
        }

        // The refresh appends every pending document: vector columns, int8 codes, sealing.
        var refreshCpu = CpuTime.Milliseconds();
        shard.Refresh();
        refreshCpu = CpuTime.Milliseconds() - refreshCpu;
        var indexing = Indexing(shard, size, refreshCpu);
        var target = new SearchTarget("bench", mapping, shard);
        var bytes = shard.VectorBytesPerVector["v"];
        foreach (var filtered in new[] { false, true })
        {
            var latencies = new List<double>();
            var cpu = new List<double>();
            double found = 0, wanted = 0, rescored = 0;
            var queryRandom = new Random(7);
            for (var q = 0; q < queries + Warmup; q++)
            {
                var vector = UnitVector(queryRandom, dims);
                var knn = new JsonObject
                {
                    ["field"] = "v",
                    ["query_vector"] = new JsonArray(vector.Select(x => (JsonNode)x).ToArray()),
                    ["k"] = 10,
                    ["num_candidates"] = 100,
                };
                if (filtered)
                {
                    knn["filter"] = new JsonObject { ["term"] = new JsonObject { ["bucket"] = "b3" } };
                }

                // Parsed from text, as the REST layer hands bodies over.
                var body = JsonNode.Parse(new JsonObject { ["knn"] = knn, ["_source"] = false, ["size"] = 10 }.ToJsonString())!.AsObject();
                // CPU time is reported next to wall time because the machine may be shared.
                var cpuBefore = CpuTime.Milliseconds();
                var started = Stopwatch.GetTimestamp();
                var response = service.Search([target], body, new Dictionary<string, string>(), CancellationToken.None);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var cpuElapsed = CpuTime.Milliseconds() - cpuBefore;
                if (q < Warmup)
                {
                    continue; // warm-up: tiered JIT, lazily built term index
                }

                latencies.Add(elapsed);
                cpu.Add(cpuElapsed);
                var got = response["hits"]!["hits"]!.AsArray().Select(h => int.Parse(h!["_id"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
                var exact = Exact(shard, vector, filtered);
                found += got.Count(exact.Contains);
                wanted += exact.Count;
                rescored += Int8Rescored(shard, vector, filtered);
            }

            latencies.Sort();
            cpu.Sort();
            var candidates = filtered ? size / 10 : size;
            var exactPath = candidates <= VectorScan.ExactScanLimit;
            var path = exactPath ? "exact float" : "2-bit → int8 → float";
            var int8 = exactPath ? "–" : (rescored / queries).ToString("N0", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {(filtered ? "10 %" : "none")} | {candidates:N0} | {path} | {int8} | {Percentile(latencies, 0.5):F2} | {Percentile(latencies, 0.99):F2} | {Percentile(cpu, 0.5):F2} | {found / wanted:F4} | {bytes:N0} |"));
        }

        return indexing;
    }

    // Refresh CPU per document, and the part of it that sealing full chunks (two-bit codes) takes,
    // timed by coding a few chunks again.
    private static string Indexing(SearchShard shard, int size, double refreshCpu)
    {
        var chunks = shard.Snapshot.Vectors["v"].Chunks.Where(c => c.Residual is not null).Take(8).ToList();
        var sealCpu = CpuTime.Milliseconds();
        foreach (var chunk in chunks)
        {
            ResidualCodes.Build(chunk);
        }

        sealCpu = CpuTime.Milliseconds() - sealCpu;
        var perSeal = chunks.Count == 0 ? 0 : sealCpu * 1000 / (chunks.Count * VectorColumn.ChunkSize);
        return string.Create(CultureInfo.InvariantCulture,
            $"{size:N0} docs: refresh {refreshCpu / 1000:F1} s CPU ({refreshCpu * 1000 / size:F1} µs/doc), of which sealing two-bit codes ≈ {perSeal:F1} µs/vector");
    }

    private static HashSet<int> Exact(SearchShard shard, float[] vector, bool filtered)
    {
        var snapshot = shard.Snapshot;
        return VectorScan.TopK(snapshot.Vectors["v"], vector, Candidates(snapshot, filtered), 10, 100, forceExact: true)
            .Select(h => int.Parse(snapshot.Doc(h.Ord).Id, CultureInfo.InvariantCulture)).ToHashSet();
    }

    // How many candidates the two-bit pass let through to int8 (seeds included), for the table.
    private static int Int8Rescored(SearchShard shard, float[] vector, bool filtered)
    {
        var snapshot = shard.Snapshot;
        var candidates = Candidates(snapshot, filtered);
        if (candidates.Count() <= VectorScan.ExactScanLimit)
        {
            return 0;
        }

        CoarseToFineScan.Run(snapshot.Vectors["v"], vector, candidates, 10, 400, out var stats);
        return stats.Seeded + stats.Rescored + (candidates.Count() - stats.Estimated);
    }

    private static DocBits Candidates(ShardSnapshot snapshot, bool filtered)
    {
        var candidates = snapshot.AllLive();
        if (filtered)
        {
            var only = new DocBits(snapshot.MaxDoc);
            for (var ord = 3; ord < snapshot.MaxDoc; ord += 10)
            {
                only.Set(ord);
            }

            candidates.And(only);
        }

        return candidates;
    }

    private static float[] UnitVector(Random random, int dims)
    {
        var v = new float[dims];
        double norm = 0;
        for (var i = 0; i < dims; i++)
        {
            // Sum of uniforms: cheap, roughly Gaussian, so directions are close to uniform on the sphere.
            var x = (float)(random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5);
            v[i] = x;
            norm += x * x;
        }

        var inv = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dims; i++)
        {
            v[i] *= inv;
        }

        return v;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
