using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// A <c>_reindex</c> body read as Elasticsearch's <c>ReindexRequest.fromXContent</c> reads it (fields in body order,
/// each refused at once with Elasticsearch's message), then the URL's common options, then
/// <c>ReindexRequest.validate</c>; only after that are remote sources and the options the store does not implement
/// refused by name. Hand-written: no library parses this request shape.
/// </summary>
internal sealed partial class ReindexRequest
{
    // Search-body keys Elasticsearch accepts in source that the store's reindex does not implement.
    private static readonly HashSet<string> UnsupportedSearchKeys = new(StringComparer.Ordinal)
    {
        "sort", "slice", "collapse", "aggs", "aggregations", "highlight", "post_filter", "min_score", "timeout",
        "terminate_after", "track_total_hits", "version", "seq_no_primary_term", "docvalue_fields", "fields", "script_fields",
        "search_after", "runtime_mappings", "explain", "track_scores", "indices_boost", "rescore", "suggest", "pit", "knn",
        "rank", "retriever", "stats", "profile", "ext",
    };

    private readonly List<string> _unsupported = [];

    public ByQueryRequest Options { get; } = new();

    /// <summary>The source index expression (comma-joined); null when none was given.</summary>
    public string? SourceIndices { get; private set; }

    /// <summary>The search body (<c>query</c> only) the source documents are read with.</summary>
    public JsonObject Query { get; } = [];

    /// <summary>The source <c>size</c>: documents per batch.</summary>
    public int? BatchSize { get; private set; }

    public string? DestIndex { get; private set; }

    public string OpType { get; private set; } = "index";

    public string VersionType { get; private set; } = "internal";

    public string? Pipeline { get; private set; }

    /// <summary>The routing a copy is written with (<c>dest.routing</c>; by default the document's own).</summary>
    public Func<Documents.ParsedDocument, string?> RouteOf { get; private set; } = doc => doc.Routing;

    /// <summary>The source <c>_source</c> filter applied to each copied document; null copies it whole.</summary>
    public SourceFilter? SourceFilter { get; private set; }

    /// <summary>The bytes written for a source document: its <c>_source</c>, filtered as <c>source._source</c> asks.</summary>
    public byte[] CopiedSource(ReadOnlyMemory<byte> source) =>
        SourceFilter is { } filter && JsonNode.Parse(source.Span) is JsonObject json
            ? JsonSerializer.SerializeToUtf8Bytes(filter.Apply(json))
            : source.ToArray();

    /// <summary>The remote <c>host:port</c> asked for, refused after validation (no remote is whitelisted).</summary>
    private string? RemoteHost { get; set; }

    public static ReindexRequest Parse(RestRequest request, JsonObject body)
    {
        var parsed = new ReindexRequest();
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "source":
                    parsed.ReadSource(value as JsonObject ?? throw StoreException.Parsing("[reindex] source doesn't support values of type: " + Token(value)));
                    break;
                case "dest":
                    parsed.ReadDest(value as JsonObject ?? throw StoreException.Parsing("[reindex] dest doesn't support values of type: " + Token(value)));
                    break;
                case "max_docs" or "size":
                    parsed.Options.SetMaxDocs(Number(value));
                    break;
                case "conflicts":
                    parsed.Options.SetConflicts(Text(value));
                    break;
                case "script":
                    break;
                default:
                    throw StoreException.Parsing("[reindex] unknown field [" + key + "]");
            }
        }

        parsed.Options.ReadCommonParameters(request);
        parsed.Validate();
        return parsed;
    }

    /// <summary>A body value as Elasticsearch's integer parsing reads it (a number or a numeric string).</summary>
    public static long Number(JsonNode? value)
    {
        if (value is JsonValue json && json.GetValueKind() == JsonValueKind.Number && json.TryGetValue<long>(out var number))
        {
            return number;
        }

        var text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : value?.ToJsonString() ?? "null";
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new StoreException(400, "number_format_exception", "For input string: \"" + text + "\"");
    }

    private static string Text(JsonNode? value) =>
        value is JsonValue json && json.GetValueKind() == JsonValueKind.String
            ? json.GetValue<string>()
            : value is JsonValue scalar ? scalar.ToJsonString() : throw StoreException.Parsing("expected a string but found " + Token(value));

    private static string Token(JsonNode? value) => Search.Execution.JsonValues.TokenName(value);

    private void ReadSource(JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            switch (key)
            {
                case "index":
                    SourceIndices = value is JsonArray array ? string.Join(",", array.Select(Text)) : Text(value);
                    break;
                case "remote":
                    ReadRemote(value as JsonObject ?? throw StoreException.Parsing("[remote] must be an object"));
                    break;
                case "query":
                    Query["query"] = value?.DeepClone();
                    break;
                case "size":
                    BatchSize = checked((int)Number(value));
                    break;
                case "from":
                    Options.AddValidationError("from is not supported in this context");
                    break;
                case "stored_fields":
                    Options.AddValidationError("stored_fields is not supported in this context");
                    break;
                case "_source" when value is JsonValue flag && flag.GetValueKind() == JsonValueKind.False:
                    Options.AddValidationError("_source:false is not supported in this context");
                    break;
                case "_source":
                    SourceFilter = SourceFilterParser.Parse(value);
                    break;
                default:
                    if (!UnsupportedSearchKeys.Contains(key))
                    {
                        throw StoreException.Parsing("Unknown key for a " + Token(value) + " in [" + key + "].");
                    }

                    _unsupported.Add("source." + key);
                    break;
            }
        }
    }

    private void ReadDest(JsonObject dest)
    {
        foreach (var (key, value) in dest)
        {
            switch (key)
            {
                case "index":
                    DestIndex = Text(value);
                    break;
                case "op_type":
                    OpType = Text(value) is "index" or "create" ? Text(value)
                        : throw StoreException.IllegalArgument("opType must be 'create' or 'index', found: [" + Text(value) + "]");
                    break;
                case "version_type":
                    VersionType = Text(value) is "internal" or "external" or "external_gt" or "external_gte" ? Text(value)
                        : throw StoreException.IllegalArgument("No version type match [" + Text(value) + "]");
                    break;
                case "pipeline":
                    Pipeline = Text(value);
                    break;
                case "routing":
                    // As Elasticsearch's reindex: keep (the default) copies each document's routing, discard drops it,
                    // =value sets it.
                    var routing = Text(value);
                    RouteOf = routing switch
                    {
                        "keep" => doc => doc.Routing,
                        "discard" => _ => null,
                        _ when routing.StartsWith('=') => _ => routing[1..],
                        _ => throw StoreException.IllegalArgument("Unsupported routing command"),
                    };
                    break;
                default:
                    throw StoreException.Parsing("[dest] unknown field [" + key + "]");
            }
        }
    }

    // Elasticsearch's RemoteInfo parsing: the host's form, the timeouts, then any key left over.
    private void ReadRemote(JsonObject remote)
    {
        var left = remote.Select(p => p.Key).ToList();
        var host = remote["host"] is { } h ? Text(h) : throw StoreException.IllegalArgument("[host] must be specified to reindex from a remote cluster");
        if (HostPattern().Match(host) is not { Success: true } match)
        {
            throw StoreException.IllegalArgument("[host] must be of the form [scheme]://[host]:[port](/[pathPrefix])? but was [" + host + "]");
        }

        left.RemoveAll(k => k is "host" or "username" or "password" or "headers");
        foreach (var timeout in new[] { "socket_timeout", "connect_timeout" })
        {
            if (remote[timeout] is { } value)
            {
                TimeValue(Text(value), timeout);
                left.Remove(timeout);
            }
        }

        if (left.Count > 0)
        {
            throw StoreException.IllegalArgument("Unsupported fields in [remote]: [" + string.Join(",", left) + "]");
        }

        RemoteHost = match.Groups["host"].Value + ":" + match.Groups["port"].Value;
    }

    // Elasticsearch's TimeValue.parseTimeValue: a number with a unit suffix; the number's failure is the cause.
    private static void TimeValue(string text, string setting)
    {
        var normalized = text.Trim().ToLowerInvariant();
        var suffix = new[] { "nanos", "micros", "ms", "s", "m", "h", "d" }.FirstOrDefault(normalized.EndsWith);
        if (suffix is null)
        {
            throw new StoreException(400, "parse_exception",
                "failed to parse setting [" + setting + "] with value [" + text + "] as a time value: unit is missing or unrecognized");
        }

        var number = normalized[..^suffix.Length].Trim();
        if (!long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new StoreException(400, "parse_exception", "failed to parse [" + text + "]")
            {
                CausedBy = new StoreException(400, "number_format_exception", "For input string: \"" + number + "\""),
            };
        }
    }

    private void Validate()
    {
        if (SourceIndices is null or "")
        {
            Options.AddValidationError("use _all if you really want to copy from all existing indexes");
        }

        if (DestIndex is null)
        {
            Options.AddValidationError("index must be specified");
        }

        Options.Validate();
        if (RemoteHost is not null)
        {
            throw StoreException.IllegalArgument("[" + RemoteHost + "] not whitelisted in reindex.remote.whitelist");
        }

        if (_unsupported.Count > 0)
        {
            throw StoreException.IllegalArgument("[" + _unsupported[0] + "] in _reindex is not supported by the embedded store");
        }
    }

    [GeneratedRegex("^(?<scheme>[^:]+)://(?<host>[^:]+):(?<port>\\d+)(?<pathPrefix>/.*)?$")]
    private static partial Regex HostPattern();
}
