using System.Text.Json;
using Gateway.Photos.Ingestion;
using Hangfire;

namespace Gateway.Jobs;

/// <summary>
/// What a coordinating job keeps as a Hangfire job parameter once it has planned and enqueued its chunks, so that when
/// it runs again (its gateway died or shut down) it goes on waiting for the same chunks and the same index instead
/// of planning anew. The plan's file list is left out: the files travel in the chunk jobs' arguments.
/// </summary>
/// <param name="Plan">The plan, without its files.</param>
/// <param name="Files">How many files the chunks hold.</param>
/// <param name="ChunkIds">The chunk jobs, in chunk order.</param>
internal sealed record StoredPlan(IngestPlan Plan, int Files, IReadOnlyList<string> ChunkIds)
{
    /// <summary>The job parameter's name.</summary>
    public const string Parameter = "gateway-plan";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The plan kept for coordinating job <paramref name="jobId"/>, or null before it has planned.</summary>
    public static StoredPlan? Read(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetJobParameter(jobId, Parameter) is { Length: > 0 } json ? JsonSerializer.Deserialize<StoredPlan>(json, Json) : null;
    }

    /// <summary>Keeps this plan for coordinating job <paramref name="jobId"/>.</summary>
    public void Write(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        connection.SetJobParameter(jobId, Parameter, JsonSerializer.Serialize(this, Json));
    }
}
