using Gateway.EmbeddedStore.Benchmarks.Ingest;
using Gateway.EmbeddedStore.Benchmarks.Knn;
using Gateway.EmbeddedStore.Benchmarks.Recovery;

// dotnet run -c Release --project bench/Gateway.EmbeddedStore.Benchmarks -- <command> [options]
switch (args.FirstOrDefault())
{
    case "ingest":
        return await IngestBenchmark.RunAsync(args[1..]);
    case "recovery":
        return await RecoveryBenchmark.RunAsync(args[1..]);
    case "knn":
        return KnnBenchmark.Run(args[1..]);
    default:
        Console.WriteLine("embedded store benchmarks: ingest [--docs N] [--batch N] [--writers N] | knn | recovery [--docs N] [--runs N]");
        return 0;
}
