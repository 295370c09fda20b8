using Gateway.Photos.Benchmarks;

// dotnet run -c Release --project bench/Gateway.Photos.Benchmarks -- [model-dir] [photos-dir] [workers]
// model-dir: a SigLIP-2-shaped folder, e.g. the random-weight full-size one that
//   `dotnet run -c Release --project bench/Gateway.Embeddings.Benchmarks -- encoders /tmp/gateway-bench-siglip2` writes;
//   "test" (or a missing folder) uses the small colour test model instead.
// photos-dir: default ../shared/photos/ebc next to the repository.
return await IngestionBenchmark.RunAsync(args);
