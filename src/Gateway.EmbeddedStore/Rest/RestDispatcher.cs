using System.Text.Json;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Rest.Api;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// The transport-neutral REST entry point shared by <see cref="EmbeddedStoreHandler"/> and the
/// loopback listener: parses the URL, routes, renders errors in Elasticsearch's shape.
/// </summary>
internal sealed class RestDispatcher
{
    private readonly RestRouter _router = new();

    public RestDispatcher(EmbeddedStore store)
    {
        new RootEndpoints(store).Register(_router);
        new CapabilitiesEndpoint().Register(_router);
        new IndexEndpoints(store).Register(_router);
        new AliasEndpoints(store).Register(_router);
        new DocumentEndpoints(store).Register(_router);
        new MgetEndpoint(store).Register(_router);
        new BulkEndpoint(store).Register(_router);
        var search = new SearchEndpoints(store);
        search.Register(_router);
        new ScrollEndpoints(store).Register(_router);
        new PointInTimeEndpoints(store, search).Register(_router);
        new ByQueryEndpoints(store, search).Register(_router);
        new TaskEndpoints(store.Tasks, store.Options.NodeName).Register(_router);
        new Cat.CatEndpoints(store, search).Register(_router);
        new StatsEndpoints(store).Register(_router);
        new FlushEndpoints(store).Register(_router);
        new ExplainEndpoint(store).Register(_router);
        new FieldCapsEndpoint(store).Register(_router);
        new OpenCloseEndpoints(store).Register(_router);
        new ClusterSettingsEndpoints(store).Register(_router);
        new FieldMappingEndpoint(store).Register(_router);
        new ScriptEndpoints(store).Register(_router);
    }

    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The request target as sent.</param>
    /// <param name="body">The body (decompressed).</param>
    /// <param name="contentType">The Content-Type header as sent; checked when there is a body.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    public async ValueTask<RestResponse> DispatchAsync(string method, string pathAndQuery, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        if (!body.IsEmpty && RefuseBody(body.Span, contentType) is { } refusal)
        {
            return method == "HEAD" ? RestResponse.Empty(refusal.Status) : refusal;
        }

        RestRequest? request = null;
        try
        {
            request = Parse(method, pathAndQuery, body);
            var response = await _router.Dispatch(request, cancellationToken).ConfigureAwait(false);
            return method == "HEAD" ? RestResponse.Empty(response.Status) : response;
        }
        catch (StoreException e)
        {
            return method == "HEAD" ? RestResponse.Empty(e.Status) : ErrorRenderer.Render(e);
        }
        catch (Exception e) when (IsClientMistake(e))
        {
            var error = StoreException.IllegalArgument(e.Message);
            return method == "HEAD" ? RestResponse.Empty(400) : ErrorRenderer.Render(error);
        }
    }

    public static RestResponse TooLarge(long length, long limit) =>
        ErrorRenderer.Render(new StoreException(413, "content_too_long_exception",
            "request body of [" + length + "] bytes exceeds the limit of [" + limit + "] bytes (http.max_content_length)"));

    // Elasticsearch checks the declared type of any body before routing; JSON must also be UTF-8.
    private static RestResponse? RefuseBody(ReadOnlySpan<byte> body, string? contentType) =>
        RequestContentType.Refusal(contentType)
        ?? (JsonSyntax.FirstInvalidUtf8(body) is var (reason, line, column)
            ? ErrorRenderer.Render(StoreException.BadRequest("x_content_parse_exception", "[" + line + ":" + column + "] " + reason))
            : null);

    private static bool IsClientMistake(Exception e) =>
        e is JsonException or FormatException or InvalidOperationException or OverflowException or ArgumentException
            or InvalidCastException or KeyNotFoundException or IndexOutOfRangeException;

    private static RestRequest Parse(string method, string pathAndQuery, ReadOnlyMemory<byte> body)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in pathAndQuery[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Decode(equals < 0 ? pair : pair[..equals]);
                query[key] = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            }
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return new RestRequest
        {
            Method = method.ToUpperInvariant(),
            RawPath = path.Length == 0 ? "/" : path,
            Segments = segments,
            Query = query,
            Body = body,
        };
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
