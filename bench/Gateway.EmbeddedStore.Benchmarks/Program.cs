using Gateway.EmbeddedStore.Benchmarks.Ingest;
using Gateway.EmbeddedStore.Benchmarks.Knn;

// dotnet run -c Release --project bench/Gateway.EmbeddedStore.Benchmarks -- <command> [options]
switch (args.FirstOrDefault())
{
    case "ingest":
        return await IngestBenchmark.RunAsync(args[1..]);
    case "knn":
        return KnnBenchmark.Run(args[1..]);
    default:
        Console.WriteLine("embedded store benchmarks: ingest [--docs N] [--batch N] [--writers N] | knn");
        return 0;
}
