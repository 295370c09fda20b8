using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Upstream;

/// <summary>
/// The gateway's one client for its own requests to the upstream (catalog, ingestion, query vectors, admin): JSON
/// through the official client's transport (so the same code runs against the embedded store and a real cluster),
/// answers as <see cref="UpstreamResponse"/> values, with retries and exponential back-off on transient failures,
/// and reads on a caller's behalf carrying the caller's credentials (<see cref="SendAsAsync"/>).
/// </summary>
public sealed class UpstreamClient
{
    private static readonly RequestConfiguration NdJson = new() { ContentType = "application/x-ndjson", Accept = "application/json" };
    private static readonly RequestConfiguration Json = new() { ContentType = "application/json", Accept = "application/json" };

    private readonly ElasticsearchClient _client;
    private readonly TimeProvider _time;
    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private volatile Version? _version;

    /// <summary>Wraps <paramref name="client"/>; transient failures are retried up to <paramref name="maxAttempts"/> times in all,
    /// waiting <paramref name="baseDelay"/>, 2×, 4× ... between attempts.</summary>
    public UpstreamClient(ElasticsearchClient client, TimeProvider? time = null, int maxAttempts = 5, TimeSpan? baseDelay = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _client = client;
        _time = time ?? TimeProvider.System;
        _maxAttempts = maxAttempts;
        _baseDelay = baseDelay ?? TimeSpan.FromMilliseconds(200);
    }

    /// <summary>Sends one request, retrying transient failures; returns the last response (success or not).</summary>
    public async Task<UpstreamResponse> SendAsync(HttpMethod method, string path, string? body = null, bool ndjson = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        UpstreamResponse response = new(0, null, "not sent");
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            response = await SendOnceAsync(method, path, body, ndjson ? NdJson : Json, cancellationToken).ConfigureAwait(false);
            if (!response.IsTransient || attempt == _maxAttempts)
            {
                return response;
            }

            var delay = _baseDelay * Math.Pow(2, attempt - 1);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>
    /// Sends one request once (no retries: a query is waiting) with <paramref name="caller"/>'s credentials instead
    /// of the gateway's own when the caller brought some.
    /// </summary>
    public Task<UpstreamResponse> SendAsAsync(UpstreamCaller caller, HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(path);
        var configuration = caller.Authorization is { } authorization
            ? new RequestConfiguration { ContentType = "application/json", Accept = "application/json", Authentication = new CallerAuthorization(authorization) }
            : Json;
        return SendOnceAsync(method, path, body, configuration, cancellationToken);
    }

    /// <summary>
    /// Whether the upstream leaves <c>dense_vector</c> values out of <c>_source</c> unless asked
    /// (Elasticsearch 9.2 and later, <c>index.mapping.exclude_source_vectors</c>); readers of stored vectors then ask
    /// with <c>_source: {"exclude_vectors": false}</c> or <c>_source_exclude_vectors=false</c>, which 9.1 refuses.
    /// The version is read from <c>GET /</c> once; while it is unknown the answer is false.
    /// </summary>
    public async ValueTask<bool> ExcludesVectorsFromSourceAsync(CancellationToken cancellationToken)
    {
        var version = _version ?? await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        return version is { } v && (v.Major > 9 || (v.Major == 9 && v.Minor >= 2));
    }

    /// <summary>True when an index or alias of that name exists.</summary>
    public async Task<bool> ExistsAsync(string indexOrAlias, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.HEAD, "/" + Uri.EscapeDataString(indexOrAlias), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Status == 200;
    }

    /// <summary>The concrete indices behind an alias (empty when the alias does not exist).</summary>
    public async Task<IReadOnlyList<string>> GetAliasTargetsAsync(string alias, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.GET, "/_alias/" + Uri.EscapeDataString(alias), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Status == 200 && response.Body is JsonObject indices ? indices.Select(kv => kv.Key).ToList() : [];
    }

    private async Task<Version?> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(HttpMethod.GET, "/", null, Json, cancellationToken).ConfigureAwait(false);
        var number = response.IsSuccess && response.Body?["version"]?["number"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        // "9.2.0-SNAPSHOT" and the like: the numeric part decides.
        var numeric = number?.Split('-', 2)[0];
        if (numeric is not null && Version.TryParse(numeric, out var version))
        {
            _version = version;
            return version;
        }

        return null;
    }

    private async Task<UpstreamResponse> SendOnceAsync(HttpMethod method, string path, string? body, RequestConfiguration configuration, CancellationToken cancellationToken)
    {
        StringResponse raw;
        try
        {
            var data = body is null ? null : PostData.String(body);
            raw = await _client.Transport.RequestAsync<StringResponse>(method, path, data, configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            UpstreamTelemetry.Unanswered(null, UpstreamTelemetry.GatewayCaller, e);
            return new UpstreamResponse(0, null, e.Message);
        }
        catch (HttpRequestException e)
        {
            UpstreamTelemetry.Unanswered(null, UpstreamTelemetry.GatewayCaller, e);
            return new UpstreamResponse(0, null, e.Message);
        }

        var status = raw.ApiCallDetails.HttpStatusCode ?? 0;
        if (status == 0)
        {
            UpstreamTelemetry.Unanswered(null, UpstreamTelemetry.GatewayCaller, raw.ApiCallDetails.OriginalException ?? new HttpRequestException("no answer"));
        }
        else
        {
            UpstreamTelemetry.Answered(null, UpstreamTelemetry.GatewayCaller, status);
        }

        var node = Parse(raw.Body);
        var error = status is >= 200 and < 300 ? null : ErrorReason(node) ?? raw.ApiCallDetails.OriginalException?.Message ?? $"HTTP {status}";
        return new UpstreamResponse(status, node, error);
    }

    private static JsonNode? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ErrorReason(JsonNode? node) => node?["error"] switch
    {
        JsonObject error => new StringBuilder().Append(error["type"]?.ToString()).Append(": ").Append(error["reason"]?.ToString()).ToString(),
        JsonValue value => value.ToString(),
        _ => null,
    };
}
