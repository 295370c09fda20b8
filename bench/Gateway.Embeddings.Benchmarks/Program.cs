using Gateway.Embeddings.Benchmarks;
using Gateway.Embeddings.Benchmarks.Encoders;

// dotnet run -c Release --project bench/Gateway.Embeddings.Benchmarks -- decode [photos-dir] [iterations]
// dotnet run -c Release --project bench/Gateway.Embeddings.Benchmarks -- decode-stages [photos-dir] [iterations]
// dotnet run -c Release --project bench/Gateway.Embeddings.Benchmarks -- encoders [cache-dir] [intra-op-threads]
// dotnet run -c Release --project bench/Gateway.Embeddings.Benchmarks -- quantized [cache-dir] [intra-op-threads] [plot.png]
// dotnet run -c Release --project bench/Gateway.Embeddings.Benchmarks -- service [cache-dir] [intra-op-threads]
return args.FirstOrDefault() switch
{
    "decode" => DecodeBenchmark.Run(args[1..]),
    "decode-stages" => DecodeStagesBenchmark.Run(args[1..]),
    "encoders" => EncoderBenchmark.Run(args[1..]),
    "quantized" => QuantizedBenchmark.Run(args[1..]),
    "service" => QuantizedBenchmark.RunService(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Gateway.Embeddings.Benchmarks decode [photos-dir] [iterations]");
    Console.Error.WriteLine("       Gateway.Embeddings.Benchmarks decode-stages [photos-dir] [iterations]");
    Console.Error.WriteLine("       Gateway.Embeddings.Benchmarks encoders [cache-dir] [intra-op-threads]");
    Console.Error.WriteLine("       Gateway.Embeddings.Benchmarks quantized [cache-dir] [intra-op-threads] [plot.png]");
    Console.Error.WriteLine("       Gateway.Embeddings.Benchmarks service [cache-dir] [intra-op-threads]");
    return 2;
}
