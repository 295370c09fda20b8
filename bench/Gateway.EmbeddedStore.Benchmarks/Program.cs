Console.WriteLine("embedded store benchmarks");
