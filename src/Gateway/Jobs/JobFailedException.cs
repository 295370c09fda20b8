namespace Gateway.Jobs;

/// <summary>
/// Tells Hangfire that a job failed, after <see cref="JobRun"/> recorded the failure value as the job's message: Hangfire
/// marks a job failed only when it throws. Nothing in the gateway catches it.
/// </summary>
internal sealed class JobFailedException(string reason) : Exception(reason);
