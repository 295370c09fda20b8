namespace Gateway.Benchmarks;

/// <summary>One request the load generator repeats: <c>POST {Path}</c> with a JSON body.</summary>
/// <param name="Name">Row label in the tables.</param>
/// <param name="Path">Request path (a <c>_search</c>, so the gateway's search transform inspects the body as it does in use).</param>
/// <param name="Body">The JSON body.</param>
internal sealed record Workload(string Name, string Path, string Body);
