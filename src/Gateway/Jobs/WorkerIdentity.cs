namespace Gateway.Jobs;

/// <summary>How a gateway names itself in job records: <c>host:pid</c>, unique among processes sharing job storage.</summary>
internal static class WorkerIdentity
{
    /// <summary>This process's name.</summary>
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
