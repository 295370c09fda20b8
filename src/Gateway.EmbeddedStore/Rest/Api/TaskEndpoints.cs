using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>GET _tasks/{task_id}</c> for the background by-query runs, and <c>_rethrottle</c> of a running one
/// (<c>_reindex</c>, <c>_update_by_query</c> and <c>_delete_by_query</c> each take any by-query task, as in Elasticsearch).
/// </summary>
internal sealed class TaskEndpoints(ByQueryTasks tasks, string nodeName)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public void Register(RestRouter router)
    {
        router.Add("GET", "/_tasks/{task_id}", GetAsync);
        foreach (var api in new[] { "_reindex", "_update_by_query", "_delete_by_query" })
        {
            router.Add("POST", "/" + api + "/{task_id}/_rethrottle", Rethrottle);
        }
    }

    private async ValueTask<RestResponse> GetAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var task = Find(request.Route("task_id"));
        if (request.Flag("wait_for_completion", false) && !task.Done.IsCompleted)
        {
            var timeout = request.Param("timeout") is { } value
                ? IndexSettings.ParseInterval(value) ?? throw StoreException.IllegalArgument("failed to parse setting [timeout] with value [" + value + "] as a time value: unit is missing or unrecognized")
                : DefaultTimeout;
            try
            {
                await task.Done.WaitAsync(timeout, tasks.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new StoreException(408, "timeout_exception", "Timed out waiting for completion of task [" + task.Id + "]");
            }
        }

        var json = new JsonObject { ["completed"] = task.Done.IsCompleted, ["task"] = task.Render(tasks.Time) };
        if (task.Done.IsCompleted)
        {
            foreach (var (key, value) in task.Done.Result)
            {
                json[key] = value?.DeepClone();
            }
        }

        return RestResponse.Ok(json);
    }

    private ValueTask<RestResponse> Rethrottle(RestRequest request, CancellationToken cancellationToken)
    {
        var perSecond = request.Param("requests_per_second") is { } value
            ? ByQueryRequest.ParseRequestsPerSecond(value)
            : throw StoreException.IllegalArgument("requests_per_second is a required parameter");
        var task = Find(request.Route("task_id"));
        var running = new JsonObject();
        if (!task.Done.IsCompleted && task.Outcome is { } outcome)
        {
            outcome.Rethrottle(perSecond);
            running[task.Id] = task.Render(tasks.Time);
        }

        var node = new JsonObject { ["name"] = nodeName, ["roles"] = new JsonArray("data", "ingest", "master"), ["tasks"] = running };
        return ValueTask.FromResult(RestResponse.Ok(new JsonObject { ["nodes"] = new JsonObject { [nodeName] = node } }));
    }

    private ByQueryTask Find(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(id.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw StoreException.IllegalArgument("malformed task id " + id);
        }

        return tasks.Find(id) ?? throw new StoreException(404, "resource_not_found_exception", "task [" + id + "] isn't running and hasn't stored its results");
    }
}
