using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// One by-query run started with <c>wait_for_completion=false</c>: it begins once its request is validated
/// (<see cref="Begin"/>), can be rethrottled while it runs, and keeps its result (the response, or the error) for
/// <c>GET _tasks/{task_id}</c>, as Elasticsearch keeps it in <c>.tasks</c>; here in memory, for the store's life.
/// </summary>
internal sealed class ByQueryTask(string node, long number, string action, string description, long startMillis, long startTimestamp)
{
    private readonly TaskCompletionSource _begun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<JsonObject> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The id as Elasticsearch renders it: <c>node:number</c>.</summary>
    public string Id => node + ":" + number;

    public string Action => action;

    /// <summary>The run's counters; set when it begins.</summary>
    public ByQueryOutcome? Outcome { get; private set; }

    /// <summary>Completes when the request was validated and the run began.</summary>
    public Task Begun => _begun.Task;

    /// <summary>The stored result: <c>{"response": ...}</c> or <c>{"error": ...}</c>.</summary>
    public Task<JsonObject> Done => _done.Task;

    public void Begin(ByQueryOutcome outcome)
    {
        Outcome = outcome;
        _begun.TrySetResult();
    }

    /// <summary>Stores how the run ended: a rendered error body becomes the result's error, any other body its response.</summary>
    public void Complete(Task<RestResponse> run)
    {
        JsonObject result;
        if (run.IsCompletedSuccessfully)
        {
            var body = run.Result.Body is { } bytes ? JsonNode.Parse(bytes) as JsonObject : null;
            result = body?["error"] is JsonObject error ? new JsonObject { ["error"] = error.DeepClone() } : new JsonObject { ["response"] = body ?? [] };
        }
        else
        {
            var error = run.Exception?.InnerException is StoreException e
                ? e.ToError()
                : new StoreError(500, run.IsCanceled ? "task_cancelled_exception" : "exception", run.IsCanceled ? "task cancelled" : run.Exception?.InnerException?.Message ?? "failed");
            result = new JsonObject { ["error"] = ErrorRenderer.Cause(error, includeRootCause: false) };
        }

        _done.TrySetResult(result);
    }

    /// <summary>Elasticsearch's task info: ids, action, the run's status counters, timings.</summary>
    public JsonObject Render(TimeProvider time)
    {
        var status = Outcome?.Render(0, created: true, updated: true, deleted: true) ?? [];
        status.Remove("took");
        status.Remove("timed_out");
        status.Remove("failures");
        return new JsonObject
        {
            ["node"] = node,
            ["id"] = number,
            ["type"] = "transport",
            ["action"] = action,
            ["status"] = status,
            ["description"] = description,
            ["start_time_in_millis"] = startMillis,
            ["running_time_in_nanos"] = (long)(time.GetElapsedTime(startTimestamp).TotalMilliseconds * 1_000_000),
            ["cancellable"] = true,
            ["cancelled"] = false,
            ["headers"] = new JsonObject(),
        };
    }
}
