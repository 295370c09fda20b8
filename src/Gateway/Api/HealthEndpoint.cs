using System.Text.Json.Nodes;
using Gateway.Admin;
using Gateway.Embeddings;
using Gateway.Embeddings.Service;
using Gateway.Upstream;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Api;

/// <summary>
/// <c>GET /_gateway/health</c>: upstream reachability, model state, queue limits and the live queue depth. Status is red (HTTP 503)
/// when the upstream is unreachable, yellow when the model is not ready (text and image queries answer 503,
/// everything else works), green otherwise.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        UpstreamClient upstream,
        IEmbeddingService embeddings,
        IOptions<UpstreamOptions> upstreamOptions,
        IOptions<EmbeddingOptions> embeddingOptions,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        int status;
        JsonNode? info;
        try
        {
            var response = await upstream.SendAsAsync(UpstreamCaller.Gateway, TransportMethod.GET, "/", null, timeout.Token).ConfigureAwait(false);
            (status, info) = (response.Status, response.Body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            (status, info) = (0, null);
        }

        // Absolute server paths (model folder, data folder) are for the signed-in admin only.
        var admin = (await http.AuthenticateAsync(AdminAuthentication.Scheme).ConfigureAwait(false)).Succeeded;
        var reachable = status is >= 200 and < 300;
        var model = embeddings.Status;
        var queue = embeddings.Queue;
        var overall = !reachable ? "red" : model.State == EmbeddingModelState.Ready ? "green" : "yellow";
        var options = upstreamOptions.Value;
        var body = new JsonObject
        {
            ["status"] = overall,
            ["upstream"] = new JsonObject
            {
                ["mode"] = options.IsEmbedded ? "embedded" : "cluster",
                ["nodes"] = new JsonArray([.. options.Nodes.Select(n => (JsonNode)n.ToString())]),
                ["reachable"] = reachable,
                ["http_status"] = status,
                ["cluster_name"] = info?["cluster_name"]?.DeepClone(),
                ["version"] = info?["version"]?["number"]?.DeepClone(),
            },
            ["model"] = new JsonObject
            {
                ["state"] = model.State.ToString().ToLowerInvariant(),
                ["model_id"] = model.ModelId,
                ["dimensions"] = model.Dimensions,
                ["detail"] = admin ? model.Detail : PathRedactor.Redact(model.Detail),
                ["variant"] = model.Tuning?.Variant,
                ["batch"] = model.Tuning is { } tuning
                    ? new JsonObject { ["text"] = Batch(tuning.Text), ["image"] = Batch(tuning.Image) }
                    : null,
            },
            ["queue"] = new JsonObject
            {
                ["limit"] = embeddingOptions.Value.QueueLimit,
                ["max_batch"] = embeddingOptions.Value.MaxBatch,
                ["batch_window_ms"] = embeddingOptions.Value.BatchWindowMs,
                ["waiting"] = queue.Waiting,
                ["in_flight"] = queue.InFlight,
                ["text"] = new JsonObject { ["waiting"] = queue.TextWaiting, ["in_batch"] = queue.TextInBatch },
                ["image"] = new JsonObject { ["waiting"] = queue.ImageWaiting, ["in_batch"] = queue.ImageInBatch, ["decoding"] = queue.ImagesDecoding },
            },
        };
        return Results.Content(body.ToJsonString(), "application/json", statusCode: reachable ? 200 : 503);
    }

    private static JsonObject Batch(BatchSizeChoice choice) => new()
    {
        ["size"] = choice.Size,
        ["measured"] = choice.Measured,
        ["timings"] = new JsonArray([.. choice.Timings.Select(t => (JsonNode)new JsonObject { ["size"] = t.Size, ["batch_ms"] = Math.Round(t.BatchMs, 1) })]),
    };
}
